/** /proc/vmstat: "name value" counters since boot (pgpgin, pswpin, pgfault, ...). */

export type Vmstat = Record<string, number>;

export function parseVmstat(text: string): Vmstat {
  const counters: Vmstat = {};
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    // Digits only: a line cut after the name ("pgfault ") is not a count of 0.
    const digits = line.slice(space + 1).trim();
    if (/^-?\d+$/.test(digits)) counters[line.slice(0, space)] = Number(digits);
  }
  return counters;
}
