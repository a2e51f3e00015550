/**
 * System-wide libraries (smem -m): one row per mapped file across all processes, summed from
 * every process's smaps: how many processes map it, its RSS (each process's resident pages in
 * full: over-counts), PSS (adds up: a file's PSS over all its sharers is its resident size once)
 * and USS (pages only one process has). Files only: anonymous memory, [heap], [stack] and the
 * kernel's special mappings have no file to share.
 */
import type { SmapsMapping } from '../proc/smaps.js';

export interface LibraryRow {
  /** The file's path; untrusted. */
  path: string;
  /** Processes that map it (a process mapping it several times counts once). */
  processes: number;
  /** Their identities, pid:startTimeTicks (the processes listed on Enter). */
  members: string[];
  sizeBytes: number;
  rssBytes: number;
  pssBytes: number;
  ussBytes: number;
  swapBytes: number;
}

/** What a row needs of a mapping: its path and counters (the libraries worker sends no more). */
export type FileMapping = Pick<SmapsMapping, 'path' | 'counters'>;

export function isFileMapping(m: FileMapping): boolean {
  return m.path.startsWith('/');
}

/** Adds one process's mappings to the table (by path), in place. */
export function addLibraries(table: Map<string, LibraryRow>, member: string, mappings: readonly FileMapping[]): void {
  for (const m of mappings) {
    if (!isFileMapping(m)) continue;
    let row = table.get(m.path);
    if (row === undefined) {
      row = { path: m.path, processes: 0, members: [], sizeBytes: 0, rssBytes: 0, pssBytes: 0, ussBytes: 0, swapBytes: 0 };
      table.set(m.path, row);
    }
    if (row.members[row.members.length - 1] !== member) {
      row.members.push(member);
      row.processes++;
    }
    // The smaps counters, in bytes (as summarize() in proc/smaps-counters.ts reads them).
    const c = m.counters;
    row.sizeBytes += c.Size ?? 0;
    row.rssBytes += c.Rss ?? 0;
    row.pssBytes += c.Pss ?? 0;
    row.ussBytes += (c.Private_Clean ?? 0) + (c.Private_Dirty ?? 0);
    row.swapBytes += c.Swap ?? 0;
  }
}
