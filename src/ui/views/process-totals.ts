/**
 * The totals line of a table: sums of size and percent columns over the rows shown. A sum that
 * leaves out unknown values (another user's PSS, a refused rollup) is a lower bound and ends in
 * "+", as in `memtop snapshot --totals`; a sum of nothing but unknowns is "-".
 */
import type { Column, ColumnContext } from '../../model/column.js';
import { humanBytes, percentText } from '../../model/human-units.js';
import { PARTIAL_MARK } from '../../model/format-cell.js';

/** Per column: the summed text, or "" for columns that do not add up (PID, USER...). */
export function totalCells<Row>(columns: readonly Column<Row>[], rows: readonly Row[], context: ColumnContext): string[] {
  return columns.map((column) => {
    if (column.kind !== 'bytes' && column.kind !== 'percent') return '';
    let sum = 0;
    let known = 0;
    for (const row of rows) {
      const value = column.value(row, context);
      if (typeof value === 'number') {
        sum += value;
        known++;
      }
    }
    if (known === 0) return '-';
    const text = column.kind === 'bytes' ? humanBytes(sum) : percentText(sum);
    return known < rows.length ? text + PARTIAL_MARK : text;
  });
}
