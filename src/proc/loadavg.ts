/** /proc/loadavg: "0.52 0.58 0.59 3/1101 12345" (1/5/15-minute averages, running/total tasks, last PID). */

export interface Loadavg {
  load1: number;
  load5: number;
  load15: number;
  runningTasks: number;
  totalTasks: number;
  lastPid: number;
}

/** A load average as the kernel prints it ("0.52"). */
const LOAD = /^\d{1,9}\.\d{2}$/;
const TASKS = /^(\d{1,15})\/(\d{1,15})$/;

/**
 * Null unless every field is there whole: Number() would read "" (a field cut to "1/") as 0 and
 * take "0x10", "1e9" or "-1", none of which the kernel prints.
 */
export function parseLoadavg(text: string): Loadavg | null {
  const words = text.trim().split(/[ \t\n]+/);
  if (words.length < 5 || !words.slice(0, 3).every((w) => LOAD.test(w)) || !/^\d{1,15}$/.test(words[4])) return null;
  const tasks = TASKS.exec(words[3]);
  if (tasks === null) return null;
  return {
    load1: Number(words[0]), load5: Number(words[1]), load15: Number(words[2]),
    runningTasks: Number(tasks[1]), totalTasks: Number(tasks[2]), lastPid: Number(words[4]),
  };
}
