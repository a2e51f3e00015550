/** /proc/vmstat: "name value" counters since boot (pgpgin, pswpin, pgfault, ...). */
import { decimalAt } from './decimal.js';

export type Vmstat = Record<string, number>;

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
      // Digits only: a line cut after the name ("pgfault ") is not a count of 0. The kernel
      // prints every counter unsigned: a negative one is corrupt, not a figure.
      const value = decimalAt(text, space + 1, last);
      if (value >= 0) counters[text.slice(start, space)] = value;
    }
    start = end + 1;
  }
  return counters;
}
