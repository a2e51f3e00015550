/** /proc/vmstat: "name value" counters since boot (pgpgin, pswpin, pgfault, ...). */

export type Vmstat = Record<string, number>;

/** An optionally negative decimal integer spanning [from, to) exactly, or null. */
function integerBetween(text: string, from: number, to: number): number | null {
  let i = from;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  if (i >= to) return null;
  let value = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}

/** Read on every tick (~180 lines): scanned by index, no substring per line but the name. */
export function parseVmstat(text: string): Vmstat {
  const counters: Vmstat = {};
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13)) last--;
    const space = text.indexOf(' ', start);
    if (space > start && space < last) {
      // Digits only: a line cut after the name ("pgfault ") is not a count of 0.
      const value = integerBetween(text, space + 1, last);
      if (value !== null) counters[text.slice(start, space)] = value;
    }
    start = end + 1;
  }
  return counters;
}
