/**
 * The totals line of a table: each shown column's figure over the rows shown, combined as its
 * `aggregate` says (the same aggregate as `memtop snapshot --totals`). A figure that leaves out
 * unknown values (another user's PSS, a refused rollup) is a lower bound and ends in "+"; a
 * figure of nothing but unknowns is "-".
 */
import type { Column, ColumnContext } from '../../model/column.js';
import { formatValue, PARTIAL_MARK } from '../../model/format-cell.js';
import { aggregateProcesses, isAggregatedId, isPartial } from '../../model/process-aggregate.js';
import type { ProcessSample } from '../../sampler/sample.js';

/** Per column: the combined text, or "" for columns that do not combine (PID, USER...). */
export function totalCells(columns: readonly Column<ProcessSample>[], rows: readonly ProcessSample[], context: ColumnContext): string[] {
  const total = aggregateProcesses('total', rows, context);
  return columns.map((column) => {
    if (!isAggregatedId(column.id)) return '';
    const value = total.sums[column.id];
    const text = formatValue(column, value, context);
    return value !== null && isPartial(total, column.id) ? text + PARTIAL_MARK : text;
  });
}
