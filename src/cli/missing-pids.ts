/**
 * `memtop snapshot --pid N` that prints no row for N: says why, on stderr, instead of leaving an
 * empty table to guess at: a thread (its process is what /proc lists), a kernel thread (hidden
 * without --kernel), a process whose stat is refused (hidepid) or garbled (these fail the
 * command), a process that could not be read whole, or no such process. A PID left out by --user
 * or --filter is not mentioned: that is what was asked. For a recorded sample (`--from`) there is
 * no /proc to ask: a PID not in it is said to be absent from it.
 */
import type { ProcFs } from '../proc/procfs.js';
import type { ProcessSample } from '../sampler/sample.js';
import { threadGroupOf } from '../sampler/thread-group.js';
import type { HiddenProcesses } from '../model/hidden-processes.js';

export function missingPidNotes(asked: readonly number[] | undefined, all: readonly ProcessSample[], shown: readonly ProcessSample[],
  kernel: boolean, procfs: ProcFs | null, hidden?: HiddenProcesses): { notes: string[]; failed: boolean } {
  const notes: string[] = [];
  // An asked PID that is there but cannot be shown fails the command (as ps -p does for none).
  let failed = false;
  for (const pid of asked ?? []) {
    if (shown.some((p) => p.pid === pid)) continue;
    // There, but its stat refused (hidepid) or garbled: said as such, not as an exit.
    if (hidden?.refusedPids.includes(pid)) {
      notes.push(`process ${pid}: its stat is refused${hidden.hidepid === null ? '' : ` (/proc is mounted hidepid=${hidden.hidepid})`}: it is hidden from you`);
      failed = true;
      continue;
    }
    if (hidden?.garbledPids.includes(pid)) {
      notes.push(`process ${pid}: its stat is not a whole stat line (cut short or corrupt): it cannot be shown`);
      failed = true;
      continue;
    }
    const sampled = all.find((p) => p.pid === pid);
    if (sampled !== undefined) {
      if (sampled.kernelThread && !kernel) notes.push(`${pid} is a kernel thread: --kernel shows it`);
      continue;
    }
    // A recorded sample (procfs null): what is not in it was not there then.
    if (procfs === null) {
      notes.push(`no process ${pid} in the recorded sample`);
      continue;
    }
    const owner = threadGroupOf(procfs, pid);
    if (owner !== null) notes.push(`${pid} is a thread of process ${owner}, not a process: --pid ${owner} shows it`);
    // Listed, yet not sampled: it exited during the read, or (a copy of /proc) a file of it is cut
    // short or empty. Either way it is there, and "no process" would be wrong.
    else if (procfs.exists(`${pid}`)) notes.push(`process ${pid} could not be read whole (it exited during the read, or a file of it is cut short)`);
    else if (hidden?.hidepid === 'invisible') notes.push(`no process ${pid} visible to you (/proc is mounted hidepid=invisible: other users' processes are not listed)`);
    else notes.push(`no process ${pid}`);
  }
  return { notes, failed };
}
