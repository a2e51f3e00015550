/**
 * Orders and walks the mappings of a SmapsTable without a row object per mapping held at once:
 * a sort keeps one key per mapping and an array of indexes; rows are made when they are used
 * (shown, written) and dropped after.
 */
import { compareStarts, type SmapsTable } from '../proc/smaps-table.js';
import { compareValues, type ColumnContext } from './column.js';
import { mappingRowAt, type MappingRow } from './mapping-row.js';
import type { SortSpec } from './sort-rows.js';

/** Every mapping as a row, one at a time, in the kernel's (address) order. */
export function* rowsOf(table: SmapsTable): Generator<MappingRow> {
  for (let i = 0; i < table.count; i++) yield mappingRowAt(table, i);
}

/** Indexes 0 .. count − 1: the kernel's order. */
export function kernelOrder(table: SmapsTable): Uint32Array {
  const order = new Uint32Array(table.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

/**
 * The indexes of the table's mappings sorted as sortRows(rows, sort, context, tieBreakMappings)
 * sorts its rows: by the column's sort value, ties by start address.
 */
export function sortedMappingIndexes(table: SmapsTable, sort: SortSpec<MappingRow>, context: ColumnContext): Uint32Array {
  const key = sort.column.sortValue ?? sort.column.value;
  const keys: (number | string | null)[] = new Array(table.count);
  for (let i = 0; i < table.count; i++) keys[i] = key(mappingRowAt(table, i), context);
  const order = kernelOrder(table);
  return order.sort((a, b) => compareValues(keys[a], keys[b], sort.descending) || compareStarts(table, a, b));
}
