/**
 * /proc lists processes, but /proc/TID of any thread opens too (it is only left out of the
 * listing): `memtop maps 651`, where 651 is a thread of process 649, would read 649's mappings
 * under 651's name. This says which process a thread belongs to, from its status's Tgid.
 */
import { isFailure, type ProcFs } from '../proc/procfs.js';
import { parseStatus } from '../proc/status.js';

/** The process (thread group) that thread `pid` belongs to, or null when `pid` is a process itself, or gone. */
export function threadGroupOf(procfs: ProcFs, pid: number): number | null {
  const text = procfs.readSingle(`${pid}/status`);
  if (isFailure(text)) return null;
  const status = parseStatus(text);
  return status.pid === pid && status.tgid !== null && status.tgid > 0 && status.tgid !== pid ? status.tgid : null;
}
