/**
 * Rows of the column table written out: as a human table (K/M/G units, untrusted text made
 * visible) or as CSV (a header of column ids, raw values: bytes, percent, epoch ms). An optional
 * totals row, and marks for partial sums: a partial sum (some members unknown) is shown as its
 * known part followed by "+" in the human table, and named in the totals label in CSV.
 */
import type { Column, ColumnContext } from '../model/column.js';
import { formatValue } from '../model/format-cell.js';
import { visibleText } from '../model/untrusted-text.js';
import { csvLine, type CsvValue } from './csv.js';
import { formatTable } from './text-table.js';

export type CellValue = number | string | null;

export interface TotalsRow {
  /** Written in the first column that has no total (usually the first column). */
  label: string;
  /** The total of a column, or undefined to leave its cell blank. */
  value(columnId: string): CellValue | undefined;
  /** True when the column's total leaves out unknown values. */
  partial(columnId: string): boolean;
}

export interface ColumnReport<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  context: ColumnContext;
  /** True when a row's value in this column is a partial sum (grouped rows). */
  partial?: (row: Row, columnId: string) => boolean;
  totals?: TotalsRow;
}

/** The marker after a partial sum in the human table. */
export const PARTIAL_MARK = '+';

function humanCell<Row>(column: Column<Row>, value: CellValue, partial: boolean, context: ColumnContext): string {
  const text = formatValue(column, value, context);
  return partial && value !== null ? text + PARTIAL_MARK : text;
}

function totalsCells<Row, Cell>(columns: readonly Column<Row>[], totals: TotalsRow, label: string,
  cell: (column: Column<Row>, value: CellValue, partial: boolean) => Cell): (Cell | string)[] {
  const labelAt = columns.findIndex((c) => totals.value(c.id) === undefined);
  return columns.map((column, i) => {
    if (i === labelAt) return label;
    const value = totals.value(column.id);
    return value === undefined ? '' : cell(column, value, totals.partial(column.id));
  });
}

export function humanReport<Row>(report: ColumnReport<Row>, maxWidth?: number): string {
  const { columns, context, partial } = report;
  const rows = report.rows.map((row) => columns.map((column) =>
    humanCell(column, column.value(row, context), partial?.(row, column.id) ?? false, context)));
  const totals = report.totals;
  if (totals) rows.push(totalsCells(columns, totals, totals.label, (column, value, isPartial) => humanCell(column, value, isPartial, context)));
  return formatTable(columns, rows, { maxWidth });
}

function csvValue<Row>(column: Column<Row>, value: CellValue): CsvValue {
  if (value === null) return null;
  return column.kind === 'text' ? visibleText(String(value)) : value;
}

export function csvReport<Row>(report: ColumnReport<Row>): string {
  const { columns, context } = report;
  let out = csvLine(columns.map((c) => c.id));
  for (const row of report.rows) out += csvLine(columns.map((column) => csvValue(column, column.value(row, context))));
  if (report.totals) {
    const totals = report.totals;
    const partialIds = columns.filter((c) => totals.value(c.id) !== undefined && totals.partial(c.id)).map((c) => c.id);
    const label = partialIds.length > 0 ? `${totals.label} (partial: ${partialIds.join(' ')})` : totals.label;
    out += csvLine(totalsCells(columns, totals, label, (column, value) => csvValue(column, value)));
  }
  return out;
}
