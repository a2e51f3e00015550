/**
 * What a sample could not show: processes listed whose stat was refused (hidepid=noaccess) or
 * garbled, and under hidepid=invisible the tasks the kernel counts but does not list. loadavg's
 * total counts tasks (threads, kernel threads included) of the whole system, every PID namespace
 * in it: it bounds what is hidden only under hidepid, where those tasks are there but not listed.
 */
import type { Hidepid } from '../proc/mountinfo.js';
import type { Sample } from '../sampler/sample.js';

export interface HiddenProcesses {
  /** Listed in the proc root, their stat refused: there, but not readable by this user. */
  refusedPids: number[];
  /** Listed, their stat not a whole stat line: left out. */
  garbledPids: number[];
  hidepid: Hidepid | null;
  /**
   * Under hidepid: loadavg's task count less the threads of the processes shown (kernel threads
   * count one each): tasks hidden from this user. Null without hidepid or loadavg.
   */
  hiddenTasks: number | null;
}

export function hiddenProcesses(sample: Sample): HiddenProcesses {
  const unreadable = sample.stats.unreadable ?? [];
  const refusedPids = unreadable.filter((u) => u.why === 'refused').map((u) => u.pid).sort((a, b) => a - b);
  const garbledPids = unreadable.filter((u) => u.why === 'garbled').map((u) => u.pid).sort((a, b) => a - b);
  const hidepid = sample.system.hidepid ?? null;
  const loadavg = sample.system.loadavg;
  let hiddenTasks: number | null = null;
  if (hidepid !== null && loadavg !== null) {
    let seen = 0;
    for (const p of sample.processes) seen += p.kernelThread ? 1 : p.threads;
    hiddenTasks = Math.max(0, loadavg.totalTasks - seen);
  }
  return { refusedPids, garbledPids, hidepid, hiddenTasks };
}

/** For the header: "85 processes hidden from you", or under hidepid=invisible the tasks; null when nothing is. */
export function hiddenText(hidden: HiddenProcesses): string | null {
  const refused = hidden.refusedPids.length;
  if (refused > 0) return `${refused} ${refused === 1 ? 'process' : 'processes'} hidden from you`;
  if (hidden.hidepid === 'invisible' && hidden.hiddenTasks !== null && hidden.hiddenTasks > 0) {
    return `~${hidden.hiddenTasks} tasks hidden from you (hidepid)`;
  }
  return null;
}
