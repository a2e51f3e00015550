/**
 * One row of the per-mapping view (pmap -x): a mapping of /proc/PID/smaps with the figures
 * memtop shows, in bytes; or several mappings summed (grouped by path, or the totals row).
 */
import type { SmapsMapping } from '../proc/smaps.js';
import { summarize, type MemorySummary } from '../proc/smaps-counters.js';
import { mappingKind, type MappingKind } from './mapping-kind.js';

/**
 * start, end, perms, offset, device, inode and path as in smaps (hex addresses as the kernel
 * prints them; "" for a group or the totals; the path is untrusted: users choose file names).
 */
export interface MappingRow extends Pick<SmapsMapping, 'start' | 'end' | 'perms' | 'offset' | 'device' | 'inode' | 'path'>, MemorySummary {
  /** "all" on the totals row. */
  kind: MappingKind | 'all';
  /** How many mappings the row sums (1 for a single mapping). */
  count: number;
  sizeBytes: number;
}

const SUMMED = ['sizeBytes', 'rssBytes', 'pssBytes', 'ussBytes', 'sharedBytes', 'dirtyBytes', 'swapBytes', 'swapPssBytes', 'lockedBytes', 'anonymousBytes'] as const;

export function toMappingRow(m: SmapsMapping): MappingRow {
  const sizeBytes = m.counters.Size ?? Number(BigInt(`0x${m.end}`) - BigInt(`0x${m.start}`));
  return {
    start: m.start, end: m.end, perms: m.perms, offset: m.offset, device: m.device, inode: m.inode,
    path: m.path, kind: mappingKind(m), count: 1, sizeBytes, ...summarize(m.counters),
  };
}

export function toMappingRows(mappings: readonly SmapsMapping[]): MappingRow[] {
  return mappings.map(toMappingRow);
}

function emptyRow(path: string, kind: MappingRow['kind']): MappingRow {
  return {
    start: '', end: '', perms: '', offset: '', device: '', inode: '', path, kind, count: 0,
    sizeBytes: 0, rssBytes: 0, pssBytes: 0, ussBytes: 0, sharedBytes: 0, dirtyBytes: 0,
    swapBytes: 0, swapPssBytes: 0, lockedBytes: 0, anonymousBytes: 0,
  };
}

function addInto(sum: MappingRow, row: MappingRow): void {
  for (const key of SUMMED) sum[key] += row[key];
  sum.count += row.count;
  sum.start = sum.start === '' || compareAddress(row.start, sum.start) < 0 ? row.start : sum.start;
  sum.end = sum.end === '' || compareAddress(row.end, sum.end) > 0 ? row.end : sum.end;
}

/** Hex addresses of different lengths compare by length first. */
export function compareAddress(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The order of rows whose sort values tie: single mappings by address (as the kernel lists
 * them), groups by path, then by their lowest address.
 */
export function tieBreakMappings(a: MappingRow, b: MappingRow): number {
  if (a.count !== 1 || b.count !== 1) {
    const byPath = a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    if (byPath !== 0) return byPath;
  }
  return compareAddress(a.start, b.start);
}

/**
 * One row per file (all mappings of libc as one row), and one per kind for mappings without a
 * path ("[anon]", "[shmem]"); the perms of a group are those its mappings share, or "mixed".
 * A file is its device and inode as well as its path: two objects the kernel names alike (two
 * deleted files of one name, two private SysV segments) are two rows, each with its inode.
 */
export function groupMappingsByPath(rows: readonly MappingRow[]): MappingRow[] {
  const groups = new Map<string, MappingRow>();
  for (const row of rows) {
    const label = row.path !== '' ? row.path : `[${row.kind}]`;
    const key = row.path.startsWith('/') ? `${label}\0${row.device}\0${row.inode}` : label;
    let group = groups.get(key);
    if (!group) {
      group = { ...emptyRow(label, row.kind), perms: row.perms, device: row.device, inode: row.inode };
      groups.set(key, group);
    } else if (group.perms !== row.perms) {
      group.perms = 'mixed';
    }
    addInto(group, row);
  }
  return [...groups.values()];
}

/** The totals row: the sums of all rows (equal to the process's smaps_rollup figures). */
export function totalOfMappings(rows: readonly MappingRow[]): MappingRow {
  const total = emptyRow('total', 'all');
  for (const row of rows) addInto(total, row);
  return total;
}
