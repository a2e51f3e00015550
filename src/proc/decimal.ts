/**
 * An optionally negative decimal integer spanning exactly [from, to) of `text`, or NaN (empty,
 * any other character: a field cut short or corrupt; or a magnitude beyond 2^53 − 1, which a
 * double could only hold rounded). Scanned in place, without a substring: stat and vmstat are
 * read on every tick.
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
  if (value > Number.MAX_SAFE_INTEGER) return NaN;
  return negative ? -value : value;
}

/** An unsigned decimal (digits only) that a double holds exactly, else null: what a kernel counter or size must be. */
export function exactCount(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value <= Number.MAX_SAFE_INTEGER ? value : null;
}
