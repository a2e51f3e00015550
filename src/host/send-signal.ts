/**
 * A service handed to the UI. Sends a confirmed signal, after re-checking that the PID is still the process the user saw
 * (same start time), so a PID reused since is never hit. Only against this system's own /proc:
 * with --proc pointing elsewhere (a fixture, a host's /proc) PIDs would name other processes.
 */
import { isFailure, ProcFs } from '../proc/procfs.js';
import { identityStartOf, parsePidStat } from '../proc/pid-stat.js';
import type { ProcessIdentity } from '../sampler/sample.js';

export interface SignalRequest {
  target: ProcessIdentity;
  /** What the user saw and confirmed, for the message afterwards. */
  name: string;
  signal: NodeJS.Signals;
}

export type Kill = (pid: number, signal: NodeJS.Signals) => void;

/** True when the root's `self` is this process: the proc root shows our own PID namespace. */
export function isOwnProcRoot(procfs: ProcFs): boolean {
  return procfs.selfPid() === process.pid;
}

/**
 * Why an action must not touch `target` now (after "not <verb>: "), or null when the PID is still
 * the process the user saw. Shared by the signal and the renice paths.
 */
export function identityRefusal(procfs: ProcFs, target: ProcessIdentity, name: string, what: string): string | null {
  if (!isOwnProcRoot(procfs)) return `${what} go only to processes of this system's /proc, not ${procfs.root}`;
  const text = procfs.readSingle(`${target.pid}/stat`);
  const stat = isFailure(text) ? null : parsePidStat(text);
  if (stat === null) return `${name} has exited`;
  if (identityStartOf(stat) !== target.startTimeTicks) return `PID ${target.pid} is now another process (${name} has exited)`;
  return null;
}

/** Sends the signal and says what happened, as one line for the status bar. */
export function sendSignal(procfs: ProcFs, request: SignalRequest, kill: Kill = (pid, signal) => process.kill(pid, signal)): string {
  const { target, name, signal } = request;
  const refusal = identityRefusal(procfs, target, name, 'signals');
  if (refusal !== null) return `not sent: ${refusal}`;
  try {
    kill(target.pid, signal);
    return `sent ${signal} to ${name}`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return `not sent: permission denied to signal ${name}`;
    if (code === 'ESRCH') return `not sent: ${name} has exited`;
    return `not sent: ${(err as Error).message}`;
  }
}

/** The UI's signal service for the processes under `procRoot`. */
export function signalSender(procRoot: string): (request: SignalRequest) => string {
  const procfs = new ProcFs(procRoot);
  return (request) => sendSignal(procfs, request);
}
