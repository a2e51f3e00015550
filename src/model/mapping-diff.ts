/**
 * The change of each mapping between two readings of one process's smaps, the mark and now.
 * A mapping is matched by its start address, inode and path (an address reused for another
 * file is another mapping; a heap that grows keeps its start); a group by its group key (the
 * file's path, device and inode, or the kind of anonymous memory). A mapping the kernel moved
 * or merged with a neighbour has another start: it is gone, and a new one is there.
 */
import { groupKeyOf, groupMappingsByPath, mappingRowAt, tieBreakMappings, type MappingRow } from './mapping-row.js';
import { rowsOf, totalOfTable } from './mapping-order.js';
import { deltaRow, type MappingDeltaRow } from './mapping-delta-row.js';
import { HEX_FIELDS, hexAt, hexValueAt, textAt, type SmapsTable } from '../proc/smaps-table.js';
import { compareValues, type ColumnContext } from './column.js';
import { sortRows, type SortSpec } from './sort-rows.js';

/** Mapping `i`'s key: start address, inode and path. */
export function mappingKeyAt(table: SmapsTable, i: number): string {
  return `${hexAt(table, i, 0)}\0${textAt(table, i, 2)}\0${textAt(table, i, 3)}`;
}

/** The mappings of two readings matched up, without a row object per mapping. */
export interface TableDiff {
  mark: SmapsTable;
  now: SmapsTable;
  /** Per mapping now: its index in the mark, or -1 when it is new. */
  markIndex: number[];
  /** Indexes in the mark of the mappings gone since, in address order. */
  gone: number[];
  /** Rows: every mapping now (0 .. now.count − 1), then the gone ones. */
  count: number;
}

export function diffTables(mark: SmapsTable, now: SmapsTable): TableDiff {
  const markIndex: number[] = new Array(now.count);
  if (mark === now) {
    for (let i = 0; i < now.count; i++) markIndex[i] = i;
    return { mark, now, markIndex, gone: [], count: now.count };
  }
  const matched = inAddressOrder(mark) && inAddressOrder(now) ? mergeByStart(mark, now, markIndex) : matchByKey(mark, now, markIndex);
  const gone: number[] = [];
  for (let i = 0; i < mark.count; i++) if (matched[i] === 0) gone.push(i);
  return { mark, now, markIndex, gone, count: now.count + gone.length };
}

/** True when the starts ascend, as the kernel lists mappings. */
function inAddressOrder(table: SmapsTable): boolean {
  for (let i = 1; i < table.count; i++) if (compareStartsAcross(table, i - 1, table, i) >= 0) return false;
  return true;
}

/** Orders mapping `a` of one table and `b` of another by start address, exactly. */
function compareStartsAcross(ta: SmapsTable, a: number, tb: SmapsTable, b: number): number {
  const wa = a * HEX_FIELDS * 2;
  const wb = b * HEX_FIELDS * 2;
  return ta.hexWords[wa] - tb.hexWords[wb] || ta.hexWords[wa + 1] - tb.hexWords[wb + 1];
}

/** Two tables in address order walked side by side: a mapping matches one of the same start, inode and path. */
function mergeByStart(mark: SmapsTable, now: SmapsTable, markIndex: number[]): Uint8Array {
  const matched = new Uint8Array(mark.count);
  let j = 0;
  for (let i = 0; i < now.count; i++) {
    while (j < mark.count && compareStartsAcross(mark, j, now, i) < 0) j++;
    const same = j < mark.count && compareStartsAcross(mark, j, now, i) === 0
      && textAt(mark, j, 2) === textAt(now, i, 2) && textAt(mark, j, 3) === textAt(now, i, 3);
    markIndex[i] = same ? j : -1;
    if (same) matched[j] = 1;
  }
  return matched;
}

/** The same match for tables in any order, by key. */
function matchByKey(mark: SmapsTable, now: SmapsTable, markIndex: number[]): Uint8Array {
  const byKey = new Map<string, number>();
  for (let i = 0; i < mark.count; i++) byKey.set(mappingKeyAt(mark, i), i);
  const matched = new Uint8Array(mark.count);
  for (let i = 0; i < now.count; i++) {
    const at = byKey.get(mappingKeyAt(now, i));
    markIndex[i] = at ?? -1;
    if (at !== undefined) matched[at] = 1;
  }
  return matched;
}

/** Row `k` of the diff: a mapping now (with its mark, if any), or past them a gone one. */
export function deltaRowAt(diff: TableDiff, k: number): MappingDeltaRow {
  if (k < diff.now.count) {
    const at = diff.markIndex[k];
    return deltaRow(mappingRowAt(diff.now, k), at < 0 ? null : mappingRowAt(diff.mark, at));
  }
  return deltaRow(null, mappingRowAt(diff.mark, diff.gone[k - diff.now.count]));
}

/** The start address of row `k`, as a number (order only: exact below 2^53). */
function startValueAt(diff: TableDiff, k: number): number {
  return k < diff.now.count ? hexValueAt(diff.now, k, 0) : hexValueAt(diff.mark, diff.gone[k - diff.now.count], 0);
}

/** Row indexes 0 .. count − 1 sorted by the column, ties by start address. */
export function sortedDeltaIndexes(diff: TableDiff, sort: SortSpec<MappingDeltaRow>, context: ColumnContext): number[] {
  const key = sort.column.sortValue ?? sort.column.value;
  const keys: (number | string | null)[] = new Array(diff.count);
  const starts: number[] = new Array(diff.count);
  const order: number[] = new Array(diff.count);
  for (let k = 0; k < diff.count; k++) {
    keys[k] = key(deltaRowAt(diff, k), context);
    starts[k] = startValueAt(diff, k);
    order[k] = k;
  }
  return order.sort((a, b) => compareValues(keys[a], keys[b], sort.descending) || starts[a] - starts[b] || a - b);
}

/** The totals now against the totals at the mark. */
export function deltaTotal(diff: Pick<TableDiff, 'mark' | 'now'>): MappingDeltaRow {
  return deltaRow(totalOfTable(diff.now), totalOfTable(diff.mark));
}

/** Groups (groupMappingsByPath) of both readings matched by group key: the ones now, then the gone ones. */
export function diffGroups(mark: SmapsTable, now: SmapsTable): MappingDeltaRow[] {
  const before = new Map<string, MappingRow>();
  for (const group of groupMappingsByPath(rowsOf(mark))) before.set(groupKeyOf(group), group);
  const rows: MappingDeltaRow[] = [];
  for (const group of groupMappingsByPath(rowsOf(now))) {
    const key = groupKeyOf(group);
    rows.push(deltaRow(group, before.get(key) ?? null));
    before.delete(key);
  }
  for (const group of before.values()) rows.push(deltaRow(null, group));
  return rows;
}

/** Delta rows sorted by the column; ties as tieBreakMappings (path, then address). */
export function sortDeltaRows(rows: MappingDeltaRow[], sort: SortSpec<MappingDeltaRow>, context: ColumnContext): MappingDeltaRow[] {
  return sortRows(rows, sort, context, tieBreakMappings);
}
