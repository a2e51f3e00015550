/**
 * Every mapping of one process from /proc/PID/smaps: the expensive per-mapping read, done only
 * for `memtop maps` and while the Mappings view of that process is open.
 */
import { isDenied, isFailure, type ProcFs } from '../proc/procfs.js';
import { parseSmaps, type SmapsMapping } from '../proc/smaps.js';
import { isKernelThread, parsePidStat } from '../proc/pid-stat.js';
import { memoryDirOf } from './live-thread.js';

export type MappingsOutcome =
  | { kind: 'ok'; comm: string; startTimeTicks: number; kernelThread: boolean; mappings: SmapsMapping[] }
  | { kind: 'denied' }
  | { kind: 'gone' };

export function readMappings(procfs: ProcFs, pid: number): MappingsOutcome {
  const statText = procfs.readSingle(`${pid}/stat`);
  const stat = isFailure(statText) ? null : parsePidStat(statText);
  if (stat === null) return { kind: 'gone' };
  // A leader that exited while other threads run on (Zl): its mappings show through a live
  // thread (live-thread.ts); with no address space at all, /proc/PID's (empty) smaps.
  const dir = memoryDirOf(procfs, pid, stat) ?? `${pid}`;
  const smaps = procfs.read(`${dir}/smaps`);
  if (isFailure(smaps)) return isDenied(smaps) ? { kind: 'denied' } : { kind: 'gone' };
  return { kind: 'ok', comm: stat.comm, startTimeTicks: stat.startTimeTicks, kernelThread: isKernelThread(stat), mappings: parseSmaps(smaps) };
}
