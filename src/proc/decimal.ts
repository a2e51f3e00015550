/**
 * An optionally negative decimal integer spanning exactly [from, to) of `text`, or NaN (empty,
 * or any other character: a field cut short or corrupt). Scanned in place, without a substring:
 * stat and vmstat are read on every tick.
 */
export function decimalAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  if (i >= to) return NaN;
  let value = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}
