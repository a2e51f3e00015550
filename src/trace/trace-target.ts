/**
 * What memtop checks of a process before it asks strace to trace it, so that each refusal is one
 * clear line: no such process, a kernel thread, already traced (naming the tracer), another user's
 * process, Yama's ptrace_scope. Reads /proc through ProcFs; the text parsing is pure.
 */
import { ProcFs, isFailure } from '../proc/procfs.js';
import { isKernelThread, parsePidStat } from '../proc/pid-stat.js';
import { visibleText } from '../model/untrusted-text.js';

/** `TracerPid:` of /proc/PID/status (0: not traced). */
export function tracerPidOf(statusText: string): number {
  const m = /^TracerPid:\s*(\d+)$/m.exec(statusText);
  return m ? Number(m[1]) : 0;
}

/** The effective uid (`Uid:` second field) of /proc/PID/status. */
export function effectiveUidOf(statusText: string): number | null {
  const m = /^Uid:\s*\d+\s+(\d+)/m.exec(statusText);
  return m ? Number(m[1]) : null;
}

/** The current program break: the end of the `[heap]` mapping in maps, else start_brk (no heap yet). */
export function breakOf(mapsText: string, statText: string): number | null {
  const heap = /^([0-9a-f]+)-([0-9a-f]+) .*\[heap\]$/m.exec(mapsText);
  if (heap) return parseInt(heap[2], 16);
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // start_brk is field 47 of stat; fields here start at field 3.
  const startBrk = Number(fields[47 - 3]);
  return Number.isFinite(startBrk) && startBrk > 0 ? startBrk : null;
}

export interface TargetInfo {
  pid: number;
  comm: string;
  uid: number | null;
  tracerPid: number;
}

export class TargetError extends Error {}

export class TraceTarget {
  private readonly procfs: ProcFs;

  constructor(procRoot = '/proc') {
    this.procfs = new ProcFs(procRoot);
  }

  /** The process as it is now; throws a TargetError with the reason it cannot be traced. */
  inspect(pid: number): TargetInfo {
    const stat = this.procfs.read(`${pid}/stat`);
    const status = this.procfs.read(`${pid}/status`);
    if (isFailure(stat) || isFailure(status)) throw new TargetError(`no such process: ${pid}`);
    const parsed = parsePidStat(stat);
    if (parsed === null) throw new TargetError(`no such process: ${pid}`);
    const name = `${visibleText(parsed.comm)} (${pid})`;
    if (isKernelThread(parsed)) throw new TargetError(`${name} is a kernel thread: it makes no system calls of its own to trace`);
    if (parsed.state === 'Z') throw new TargetError(`${name} has exited (a zombie): nothing to trace`);
    return { pid, comm: parsed.comm, uid: effectiveUidOf(status), tracerPid: tracerPidOf(status) };
  }

  tracerPid(pid: number): number | null {
    const status = this.procfs.read(`${pid}/status`);
    return isFailure(status) ? null : tracerPidOf(status);
  }

  commOf(pid: number): string | null {
    const stat = this.procfs.read(`${pid}/stat`);
    return isFailure(stat) ? null : parsePidStat(stat)?.comm ?? null;
  }

  exists(pid: number): boolean {
    return this.procfs.exists(`${pid}`);
  }

  breakOf(pid: number): number | null {
    const maps = this.procfs.read(`${pid}/maps`);
    const stat = this.procfs.read(`${pid}/stat`);
    return isFailure(maps) || isFailure(stat) ? null : breakOf(maps, stat);
  }

  /** kernel.yama.ptrace_scope, or null without Yama. */
  ptraceScope(): number | null {
    const text = this.procfs.read('sys/kernel/yama/ptrace_scope');
    return isFailure(text) ? null : Number(text.trim());
  }
}
