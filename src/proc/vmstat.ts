/** /proc/vmstat: "name value" counters since boot (pgpgin, pswpin, pgfault, ...). */

export type Vmstat = Record<string, number>;

export function parseVmstat(text: string): Vmstat {
  const counters: Vmstat = {};
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) counters[line.slice(0, space)] = value;
  }
  return counters;
}
