/** /proc/loadavg: "0.52 0.58 0.59 3/1101 12345" (1/5/15-minute averages, running/total tasks, last PID). */

export interface Loadavg {
  load1: number;
  load5: number;
  load15: number;
  runningTasks: number;
  totalTasks: number;
  lastPid: number;
}

export function parseLoadavg(text: string): Loadavg | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 5) return null;
  // Number('') is 0: a field cut to "1/" must not read as 0 tasks.
  const [running, total] = words[3].split('/').map((w) => (w === '' ? NaN : Number(w)));
  const loadavg = {
    load1: Number(words[0]), load5: Number(words[1]), load15: Number(words[2]),
    runningTasks: running, totalTasks: total, lastPid: Number(words[4]),
  };
  return Object.values(loadavg).every(Number.isFinite) ? loadavg : null;
}
