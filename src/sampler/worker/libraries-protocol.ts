/**
 * The messages of the libraries worker (libraries-worker.ts): it reads the smaps of the PIDs it is
 * given, one after another, and posts the file mappings of each process (path and the counters
 * the Libraries view sums) in batches, with its progress, then the counts.
 */
import type { SmapsCounters } from '../../proc/smaps-counters.js';

export interface LibrariesInput {
  procRoot: string;
  pids: number[];
}

export interface ProcessFiles {
  /** pid:startTimeTicks */
  member: string;
  mappings: { path: string; counters: SmapsCounters }[];
}

export type FromLibrariesWorker =
  | { type: 'batch'; processes: ProcessFiles[]; done: number; total: number }
  | { type: 'done'; read: number; denied: number; gone: number; costMs: number }
  | { type: 'error'; message: string };

/** The counters kept per mapping: what summarize() turns into RSS, PSS, USS, swap, and Size. */
export const LIBRARY_COUNTERS = ['Size', 'Rss', 'Pss', 'Private_Clean', 'Private_Dirty', 'Swap'] as const;
