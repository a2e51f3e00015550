/**
 * Orders and walks the mappings of a SmapsTable without a row object per mapping held at once:
 * a sort keeps one key per mapping and an array of indexes; rows are made when they are used
 * (shown, written) and dropped after.
 */
import { COUNTER_SLOTS, compareEnds, compareStarts, hexAt, type SmapsTable } from '../proc/smaps-table.js';
import { compareValues, type ColumnContext } from './column.js';
import { mappingRowAt, totalOfMappings, type MappingRow } from './mapping-row.js';
import type { SortSpec } from './sort-rows.js';

/** Every mapping as a row, one at a time, in the kernel's (address) order. */
export function* rowsOf(table: SmapsTable): Generator<MappingRow> {
  for (let i = 0; i < table.count; i++) yield mappingRowAt(table, i);
}

/**
 * Indexes 0 .. count − 1: the kernel's order. On V8's heap, not a typed array: one of 60,000
 * would be a malloc block whose freeing raises glibc's thresholds (smaps-table.ts, BIG_BYTES).
 */
export function kernelOrder(table: SmapsTable): number[] {
  const order: number[] = [];
  for (let i = 0; i < table.count; i++) order.push(i);
  return order;
}

/**
 * The indexes of the table's mappings sorted as sortRows(rows, sort, context, tieBreakMappings)
 * sorts its rows: by the column's sort value, ties by start address.
 */
export function sortedMappingIndexes(table: SmapsTable, sort: SortSpec<MappingRow>, context: ColumnContext): number[] {
  const key = sort.column.sortValue ?? sort.column.value;
  const keys: (number | string | null)[] = new Array(table.count);
  for (let i = 0; i < table.count; i++) keys[i] = key(mappingRowAt(table, i), context);
  const order = kernelOrder(table);
  return order.sort((a, b) => compareValues(keys[a], keys[b], sort.descending) || compareStarts(table, a, b));
}

/** totalOfMappings(rowsOf(table)), summed straight from the table's arrays. */
export function totalOfTable(table: SmapsTable): MappingRow {
  const total = totalOfMappings([]);
  if (table.count === 0) return total;
  const c = table.counters;
  let first = 0;
  let last = 0;
  for (let i = 0; i < table.count; i++) {
    const at = i * COUNTER_SLOTS;
    // TABLE_COUNTERS: Size, Rss, Pss, Shared_Clean, Shared_Dirty, Private_Clean, Private_Dirty, Swap, SwapPss, Locked, Anonymous.
    total.sizeBytes += Number.isNaN(c[at]) ? mappingRowAt(table, i).sizeBytes : c[at];
    total.rssBytes += c[at + 1];
    total.pssBytes += c[at + 2];
    total.ussBytes += c[at + 5] + c[at + 6];
    total.sharedBytes += c[at + 3] + c[at + 4];
    total.dirtyBytes += c[at + 4] + c[at + 6];
    total.swapBytes += c[at + 7];
    total.swapPssBytes += c[at + 8];
    total.lockedBytes += c[at + 9];
    total.anonymousBytes += c[at + 10];
    if (compareStarts(table, i, first) < 0) first = i;
    if (compareEnds(table, i, last) > 0) last = i;
  }
  total.count = table.count;
  total.start = hexAt(table, first, 0);
  total.end = hexAt(table, last, 1);
  return total;
}
