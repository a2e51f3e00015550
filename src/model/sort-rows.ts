/** Sorting rows by a column: unknown values last, ties broken by a stable key (PID). */
import { compareValues, type Column, type ColumnContext } from './column.js';

export interface SortSpec<Row> {
  column: Column<Row>;
  descending: boolean;
}

/** Returns a new array; `tieBreak` orders rows with equal values (e.g. by PID). */
export function sortRows<Row>(rows: readonly Row[], sort: SortSpec<Row>, context: ColumnContext,
  tieBreak: (a: Row, b: Row) => number = () => 0): Row[] {
  // Decorate once: value() may compute (MEM%), and a sort calls the comparator n log n times.
  const key = sort.column.sortValue ?? sort.column.value;
  const keyed = rows.map((row) => ({ row, key: key(row, context) }));
  keyed.sort((a, b) => compareValues(a.key, b.key, sort.descending) || tieBreak(a.row, b.row));
  return keyed.map((k) => k.row);
}
