/**
 * PSS, USS, Swap and SwapPss of one process: from smaps_rollup (Linux 4.14+), or by summing
 * smaps on older kernels. Which one is detected once per proc root.
 */
import { isDenied, isFailure, isGone, isRefusedFile, type ProcFs, type ReadFailure } from '../proc/procfs.js';
import { parseRollupSummary } from '../proc/smaps-rollup.js';
import { parseSmaps, sumSmaps } from '../proc/smaps.js';
import { isExactSummary, summarize, type MemorySummary } from '../proc/smaps-counters.js';

export type DetailFile = 'smaps_rollup' | 'smaps';

export type DetailOutcome =
  | { kind: 'ok'; summary: MemorySummary }
  /** The kernel refused the file (ptrace-read check): the figures are unknown. */
  | { kind: 'denied'; file: DetailFile }
  /** The file is not a regular file, or beyond its cap (procfs.ts): the figures are unknown. */
  | { kind: 'refused'; file: DetailFile; failure: ReadFailure }
  /** The process exited while being read. */
  | { kind: 'gone' }
  /** No address space (kernel thread, zombie): there is no memory to count. */
  | { kind: 'no-mm' }
  /** Read, but not a whole file of its kind (cut short, corrupt, a figure beyond 2^53 − 1). */
  | { kind: 'garbled'; file: DetailFile };

/**
 * smaps_rollup exists for every process of a kernel that has it: on a live /proc, /proc/self
 * tells. A copy of /proc (fixture trees, a capture) may lack it for some processes (a refused
 * file is left out; cp skips what it cannot read), so there any process that has it decides, and
 * smaps only when none has it but some have smaps. A tree with no process at all defaults to
 * smaps_rollup.
 */
export function detectDetailFile(procfs: ProcFs, pids: readonly number[]): DetailFile {
  if (procfs.exists('self/stat')) return procfs.exists('self/smaps_rollup') ? 'smaps_rollup' : 'smaps';
  let sawSmaps = false;
  for (const pid of pids) {
    if (procfs.exists(`${pid}/smaps_rollup`)) return 'smaps_rollup';
    if (!sawSmaps && procfs.exists(`${pid}/smaps`)) sawSmaps = true;
  }
  return sawSmaps ? 'smaps' : 'smaps_rollup';
}

/** `dir`: the process's directory relative to the proc root ("PID", or "PID/task/TID": live-thread.ts). */
export function readMemoryDetail(procfs: ProcFs, dir: string, file: DetailFile): DetailOutcome {
  const text = file === 'smaps_rollup' ? procfs.readSingle(`${dir}/smaps_rollup`) : procfs.read(`${dir}/smaps`);
  if (isFailure(text)) {
    if (isDenied(text)) return { kind: 'denied', file };
    if (isRefusedFile(text)) return { kind: 'refused', file, failure: text };
    // ESRCH at open: the task has no mm (a kernel thread) or is exiting; the caller knows which
    // from stat.
    if (text.code === 'ESRCH') return { kind: 'no-mm' };
    // ENOENT: the /proc/PID directory is gone, unless the process is still there, in which case
    // the file itself is unreadable (fixture trees leave refused files out): unknown, not gone.
    if (isGone(text) && !procfs.exists(`${dir}/stat`)) return { kind: 'gone' };
    return { kind: 'denied', file };
  }
  if (text.length === 0) return { kind: 'no-mm' };
  const summary = file === 'smaps_rollup' ? parseRollupSummary(text) : summarize(sumSmaps(parseSmaps(text)));
  // The kernel writes smaps_rollup in one go: text that does not parse is corrupt, not an exit.
  if (summary === null || !isExactSummary(summary)) return { kind: 'garbled', file };
  return { kind: 'ok', summary };
}
