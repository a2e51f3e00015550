/**
 * Every mapping of one process from /proc/PID/smaps: the expensive per-mapping read, done only
 * for `memtop maps` and while the Mappings view of that process is open.
 */
import { isDenied, isFailure, type ProcFs } from '../proc/procfs.js';
import { SmapsStreamParser } from '../proc/smaps-stream.js';
import type { SmapsTable } from '../proc/smaps-table.js';
import { identityStartOf, isKernelThread, isZombie, parsePidStat, type PidStat } from '../proc/pid-stat.js';
import { memoryDirOf } from './live-thread.js';

export type MappingsOutcome =
  | {
    kind: 'ok'; comm: string; startTimeTicks: number; kernelThread: boolean; zombie: boolean; mappings: SmapsTable;
    /** False when the process had no address space to read (a zombie, a kernel thread, or one in exit). */
    addressSpace: boolean;
  }
  | { kind: 'denied' }
  | { kind: 'gone' }
  /** Its stat refused (hidepid) or not a whole stat line: the process is there, but cannot be read. */
  | { kind: 'unreadable'; file: 'stat'; why: 'refused' | 'garbled' }
  /** It had an address space when the read began and none (or no process) when it ended. */
  | { kind: 'exited' };

function statOf(procfs: ProcFs, dir: string | number): PidStat | null {
  const text = procfs.readSingle(`${dir}/stat`);
  return isFailure(text) ? null : parsePidStat(text);
}

export function readMappings(procfs: ProcFs, pid: number): MappingsOutcome {
  const text = procfs.readSingle(`${pid}/stat`);
  if (isFailure(text)) return isDenied(text) ? { kind: 'unreadable', file: 'stat', why: 'refused' } : { kind: 'gone' };
  const stat = parsePidStat(text);
  if (stat === null) return { kind: 'unreadable', file: 'stat', why: 'garbled' };
  // A leader that exited while other threads run on (Zl): its mappings show through a live
  // thread (live-thread.ts); with no address space at all, /proc/PID's (empty) smaps.
  const dir = memoryDirOf(procfs, pid, stat);
  // Parsed as it is read: the smaps of a huge process is tens of MB of text.
  const parser = new SmapsStreamParser();
  const failure = procfs.readChunks(`${dir ?? pid}/smaps`, (chunk, length) => parser.push(chunk, length));
  if (failure !== null) return isDenied(failure) ? { kind: 'denied' } : { kind: 'gone' };
  // A process that exits while its smaps is read ends the read early, without an error: the
  // mappings read are a cut-off part. Its stat afterwards tells: gone, another process under
  // the same PID, or no address space left: a zombie now, or still running its exit with its
  // memory already released (the kernel shows a virtual size of 0 then).
  if (dir !== null) {
    const after = statOf(procfs, pid);
    if (after === null || after.startTimeTicks !== stat.startTimeTicks) return { kind: 'exited' };
    const afterDir = memoryDirOf(procfs, pid, after);
    const memory = afterDir === null ? null : afterDir === `${pid}` ? after : statOf(procfs, afterDir);
    if (memory === null || memory.vsizeBytes === 0) return { kind: 'exited' };
  }
  return {
    kind: 'ok', comm: stat.comm, startTimeTicks: identityStartOf(stat), kernelThread: isKernelThread(stat),
    zombie: dir === null && isZombie(stat), mappings: parser.finish(), addressSpace: dir !== null,
  };
}

/**
 * The share of the time a process's smaps may take to read: a huge one (tens of thousands of
 * mappings, read under the target's mmap lock and on one of our cores) is read again no sooner
 * than its read time allows, and the Mappings view says how often.
 */
export const MAPPINGS_READ_SHARE = 0.1;

/** How long after a reading that took `readMs` the next one is due: the interval, or longer. */
export function rereadEveryMs(intervalMs: number, readMs: number): number {
  return Math.max(intervalMs, readMs / MAPPINGS_READ_SHARE);
}

/**
 * A reading that must not replace the last whole one: the process had an address space with
 * mappings in an earlier reading and now has none, or none left to show. It is exiting (its
 * memory released before it is reaped); what it had stays the last data.
 */
export function isExitingReading(outcome: MappingsOutcome, hadMappings: boolean): boolean {
  return hadMappings && outcome.kind === 'ok' && (!outcome.addressSpace || outcome.mappings.count === 0);
}
