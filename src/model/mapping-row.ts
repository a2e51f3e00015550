/**
 * One row of the per-mapping view (pmap -x): a mapping of /proc/PID/smaps with the figures
 * memtop shows, in bytes; or several mappings summed (grouped by path, or the totals row).
 */
import type { SmapsMapping } from '../proc/smaps.js';
import type { MemorySummary } from '../proc/smaps-counters.js';
import { COUNTER_SLOTS, hexAt, textAt, type SmapsTable } from '../proc/smaps-table.js';
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

/** Mapping `i` of the table as a row (summarize()'s figures from its TABLE_COUNTERS). */
export function mappingRowAt(table: SmapsTable, i: number): MappingRow {
  const start = hexAt(table, i, 0);
  const end = hexAt(table, i, 1);
  const perms = textAt(table, i, 0);
  const path = textAt(table, i, 3);
  const c = table.counters;
  const at = i * COUNTER_SLOTS;
  // TABLE_COUNTERS: Size, Rss, Pss, Shared_Clean, Shared_Dirty, Private_Clean, Private_Dirty, Swap, SwapPss, Locked, Anonymous.
  const sizeBytes = Number.isNaN(c[at]) ? Number(BigInt(`0x${end}`) - BigInt(`0x${start}`)) : c[at];
  return {
    start, end, perms, offset: hexAt(table, i, 2), device: textAt(table, i, 1), inode: textAt(table, i, 2),
    path, kind: mappingKind({ path, perms }), count: 1, sizeBytes,
    rssBytes: c[at + 1], pssBytes: c[at + 2], ussBytes: c[at + 5] + c[at + 6], sharedBytes: c[at + 3] + c[at + 4],
    dirtyBytes: c[at + 4] + c[at + 6], swapBytes: c[at + 7], swapPssBytes: c[at + 8], lockedBytes: c[at + 9], anonymousBytes: c[at + 10],
  };
}

export function toMappingRows(table: SmapsTable): MappingRow[] {
  const rows = new Array<MappingRow>(table.count);
  for (let i = 0; i < table.count; i++) rows[i] = mappingRowAt(table, i);
  return rows;
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
export function groupMappingsByPath(rows: Iterable<MappingRow>): MappingRow[] {
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
export function totalOfMappings(rows: Iterable<MappingRow>): MappingRow {
  const total = emptyRow('total', 'all');
  for (const row of rows) addInto(total, row);
  return total;
}
