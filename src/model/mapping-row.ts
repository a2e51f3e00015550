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

/**
 * Mapping `i` of the table as a row, read from the table when a field is asked for: a report or
 * a sort over 60,000 mappings then formats only the fields it uses. summarize()'s figures from
 * TABLE_COUNTERS: Size, Rss, Pss, Shared_Clean, Shared_Dirty, Private_Clean, Private_Dirty,
 * Swap, SwapPss, Locked, Anonymous.
 */
class TableRow implements MappingRow {
  readonly #table: SmapsTable;
  readonly #at: number;
  readonly #i: number;
  readonly count = 1;

  constructor(table: SmapsTable, i: number) {
    this.#table = table;
    this.#i = i;
    this.#at = i * COUNTER_SLOTS;
  }

  get start(): string { return hexAt(this.#table, this.#i, 0); }
  get end(): string { return hexAt(this.#table, this.#i, 1); }
  get offset(): string { return hexAt(this.#table, this.#i, 2); }
  get perms(): string { return textAt(this.#table, this.#i, 0); }
  get device(): string { return textAt(this.#table, this.#i, 1); }
  get inode(): string { return textAt(this.#table, this.#i, 2); }
  get path(): string { return textAt(this.#table, this.#i, 3); }
  get kind(): MappingKind { return mappingKind(this); }
  get sizeBytes(): number {
    const size = this.#counter(0);
    return Number.isNaN(size) ? Number(BigInt(`0x${this.end}`) - BigInt(`0x${this.start}`)) : size;
  }
  get rssBytes(): number { return this.#counter(1); }
  get pssBytes(): number { return this.#counter(2); }
  get ussBytes(): number { return this.#counter(5) + this.#counter(6); }
  get sharedBytes(): number { return this.#counter(3) + this.#counter(4); }
  get dirtyBytes(): number { return this.#counter(4) + this.#counter(6); }
  get swapBytes(): number { return this.#counter(7); }
  get swapPssBytes(): number { return this.#counter(8); }
  get lockedBytes(): number { return this.#counter(9); }
  get anonymousBytes(): number { return this.#counter(10); }

  #counter(slot: number): number {
    return this.#table.counters[this.#at + slot];
  }
}

export function mappingRowAt(table: SmapsTable, i: number): MappingRow {
  return new TableRow(table, i);
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

/** A group's path: the mapping's path, or its kind in brackets for one without ("[anon]"). */
function groupLabelOf(row: MappingRow): string {
  return row.path !== '' ? row.path : `[${row.kind}]`;
}

/**
 * The key of the group a mapping falls in (groupMappingsByPath): a file's label, device and
 * inode; any other label alone. A group row gives its own key back.
 */
export function groupKeyOf(row: MappingRow): string {
  const label = groupLabelOf(row);
  return row.path.startsWith('/') ? `${label}\0${row.device}\0${row.inode}` : label;
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
    const label = groupLabelOf(row);
    const key = groupKeyOf(row);
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
