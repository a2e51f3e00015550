/**
 * `memtop snapshot --pid N` that prints no row for N: says why, on stderr, instead of leaving an
 * empty table to guess at: a thread (its process is what /proc lists), a kernel thread (hidden
 * without --kernel), a process that could not be read whole, or no such process. A PID left out
 * by --user or --filter is not mentioned: that is what was asked.
 */
import type { ProcFs } from '../proc/procfs.js';
import type { ProcessSample } from '../sampler/sample.js';
import { threadGroupOf } from '../sampler/thread-group.js';

export function missingPidNotes(asked: readonly number[] | undefined, all: readonly ProcessSample[], shown: readonly ProcessSample[],
  kernel: boolean, procfs: ProcFs): string[] {
  const notes: string[] = [];
  for (const pid of asked ?? []) {
    if (shown.some((p) => p.pid === pid)) continue;
    const sampled = all.find((p) => p.pid === pid);
    if (sampled !== undefined) {
      if (sampled.kernelThread && !kernel) notes.push(`${pid} is a kernel thread: --kernel shows it`);
      continue;
    }
    const owner = threadGroupOf(procfs, pid);
    if (owner !== null) notes.push(`${pid} is a thread of process ${owner}, not a process: --pid ${owner} shows it`);
    // Listed, yet not sampled: it exited during the read, or (a copy of /proc) a file of it is cut
    // short or empty. Either way it is there, and "no process" would be wrong.
    else if (procfs.exists(`${pid}`)) notes.push(`process ${pid} could not be read whole (it exited during the read, or a file of it is cut short)`);
    else notes.push(`no process ${pid}`);
  }
  return notes;
}
