/**
 * The memory counters that /proc/PID/smaps prints per mapping and /proc/PID/smaps_rollup prints
 * summed over all mappings ("Rss:", "Pss:", "Private_Dirty:", "Swap:", ...), keyed by the
 * kernel's own names, in bytes. Unknown future fields in kB are kept too.
 */
import { forEachKeyLineAt, kbAt, sizeAt } from './key-value-lines.js';

export type SmapsCounters = Record<string, number>;

/** Per-mapping properties that are not amounts of memory, so they are not summed. */
const NOT_SUMMED = new Set(['KernelPageSize', 'MMUPageSize', 'THPeligible', 'ProtectionKey']);

export function isSummedCounter(key: string): boolean {
  return !NOT_SUMMED.has(key);
}

/**
 * Reads the counter lines of `text` into `into` (VmFlags and headers are not counters). Amounts
 * of memory must carry their "kB" (a line cut before it is left out); the per-mapping
 * properties (THPeligible, ProtectionKey) are bare numbers.
 */
export function parseCounterLines(text: string, into: SmapsCounters = {}): SmapsCounters {
  forEachKeyLineAt(text, (key, from, to) => {
    if (key === 'VmFlags') return;
    const value = isSummedCounter(key) ? kbAt(text, from, to) : sizeAt(text, from, to);
    if (value !== null) into[key] = value;
  });
  return into;
}

/** The figures memtop shows, from counters (rollup or summed smaps), in bytes. */
export interface MemorySummary {
  rssBytes: number;
  pssBytes: number;
  /** USS: Private_Clean + Private_Dirty. */
  ussBytes: number;
  sharedBytes: number;
  dirtyBytes: number;
  swapBytes: number;
  swapPssBytes: number;
  lockedBytes: number;
  /** Anonymous: resident anonymous pages; Rss − Anonymous is the resident file and shmem pages (SHR). */
  anonymousBytes: number;
}

export function summarize(c: SmapsCounters): MemorySummary {
  const get = (key: string) => c[key] ?? 0;
  return {
    rssBytes: get('Rss'),
    pssBytes: get('Pss'),
    ussBytes: get('Private_Clean') + get('Private_Dirty'),
    sharedBytes: get('Shared_Clean') + get('Shared_Dirty'),
    dirtyBytes: get('Shared_Dirty') + get('Private_Dirty'),
    swapBytes: get('Swap'),
    swapPssBytes: get('SwapPss'),
    lockedBytes: get('Locked'),
    anonymousBytes: get('Anonymous'),
  };
}

/** False when a figure (a sum of two counters, each within 2^53 − 1) is beyond what a double holds exactly. */
export function isExactSummary(summary: MemorySummary): boolean {
  return Object.values(summary).every((bytes) => bytes <= Number.MAX_SAFE_INTEGER);
}
