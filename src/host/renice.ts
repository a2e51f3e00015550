/**
 * A service handed to the UI. F7/F8: change a process's nice value by one step, after the same identity re-check as a
 * signal (send-signal.ts). setpriority(PRIO_PROCESS) acts on one thread on Linux, so every
 * thread of the process is set, as `renice` on each /proc/PID/task entry would.
 */
import os from 'node:os';
import { ProcFs } from '../proc/procfs.js';
import type { ProcessIdentity } from '../sampler/sample.js';
import { identityRefusal } from './send-signal.js';

/** F7/F8: change a process's nice value by `delta` (-1: higher priority, +1: lower). */
export interface ReniceRequest {
  target: ProcessIdentity;
  name: string;
  delta: number;
}

export interface PriorityCalls {
  get(tid: number): number;
  set(tid: number, nice: number): void;
}

export const OS_PRIORITY: PriorityCalls = { get: (tid) => os.getPriority(tid), set: (tid, nice) => os.setPriority(tid, nice) };

const NICE_MIN = -20;
const NICE_MAX = 19;

/** The errno of an os.getPriority/setPriority failure (a SystemError carries it in `info`). */
function errnoOf(err: unknown): string | undefined {
  const e = err as { info?: { code?: string }; code?: string };
  return e.info?.code ?? e.code;
}

/**
 * `refusal`: why the identity check says no (null: it is the process the user saw); `threads`:
 * its thread IDs (empty: the PID alone). Returns one line for the status bar.
 */
export function reniceProcess(request: ReniceRequest, refusal: string | null, threads: readonly number[], calls: PriorityCalls = OS_PRIORITY): string {
  const { target, name, delta } = request;
  if (refusal !== null) return `not reniced: ${refusal}`;
  try {
    const before = calls.get(target.pid);
    const after = Math.max(NICE_MIN, Math.min(NICE_MAX, before + delta));
    if (after === before) return `nice of ${name} stays ${before} (the limit is ${delta < 0 ? NICE_MIN : NICE_MAX})`;
    calls.set(target.pid, after);
    for (const tid of threads) {
      if (tid === target.pid) continue;
      try {
        calls.set(tid, after);
      } catch (err) {
        // A thread that ended since the list was read is no failure.
        if (errnoOf(err) !== 'ESRCH') throw err;
      }
    }
    return `nice of ${name} now ${after} (was ${before})`;
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'EACCES' || code === 'EPERM') {
      return delta < 0 ? `not reniced: lowering the nice of ${name} needs root (CAP_SYS_NICE)` : `not reniced: permission denied to renice ${name}`;
    }
    if (code === 'ESRCH') return `not reniced: ${name} has exited`;
    return `not reniced: ${(err as Error).message}`;
  }
}

/** The UI's renice service for the processes under `procRoot`: the identity re-check, then every thread. */
export function reniceSender(procRoot: string): (request: ReniceRequest) => string {
  const procfs = new ProcFs(procRoot);
  return (request) => {
    const refusal = identityRefusal(procfs, request.target, request.name, 'renices');
    return reniceProcess(request, refusal, refusal === null ? procfs.listNames(`${request.target.pid}/task`).map(Number) : []);
  };
}
