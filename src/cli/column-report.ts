/**
 * Rows of the column table written out: as a human table (K/M/G units, untrusted text made
 * visible) or as CSV (a header of column ids, raw values: bytes, percent, epoch ms). An optional
 * totals row, labelled in the first column that has no total (or, when every chosen column has
 * one, in a column of its own put first), and marks for partial sums (some members unknown): the
 * known part followed by "+" in the human table; in CSV, whose cells stay plain numbers, the ids
 * of a row's partial sums in a last column `partial` (grouped rows), or in the totals label.
 */
import type { Column, ColumnContext } from '../model/column.js';
import { formatValue, PARTIAL_MARK } from '../model/format-cell.js';
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

export function humanCell<Row>(column: Column<Row>, value: CellValue, partial: boolean, context: ColumnContext): string {
  const text = formatValue(column, value, context);
  return partial && value !== null ? text + PARTIAL_MARK : text;
}

/** A column of its own for the totals label, for when every chosen column has a total. */
const LABEL_COLUMN: Column<unknown> = {
  id: 'label', title: '', description: 'what the row is (the totals row)', width: 5, align: 'left', kind: 'text',
  needs: [], descendingByDefault: false, value: () => '',
};

/** The columns to write: the chosen ones, after a label column when the totals row needs one. */
export function writtenColumns<Row>(report: ColumnReport<Row>): readonly Column<Row>[] {
  const { columns, totals } = report;
  const hasLabelPlace = totals === undefined || columns.some((c) => totals.value(c.id) === undefined);
  return hasLabelPlace ? columns : [LABEL_COLUMN as Column<Row>, ...columns];
}

export function totalsCells<Row, Cell>(columns: readonly Column<Row>[], totals: TotalsRow, label: string,
  cell: (column: Column<Row>, value: CellValue, partial: boolean) => Cell): (Cell | string)[] {
  const labelAt = columns.findIndex((c) => c === LABEL_COLUMN || totals.value(c.id) === undefined);
  return columns.map((column, i) => {
    if (i === labelAt) return label;
    const value = totals.value(column.id);
    return value === undefined ? '' : cell(column, value, totals.partial(column.id));
  });
}

export function humanReport<Row>(report: ColumnReport<Row>, maxWidth?: number): string {
  const { context, partial } = report;
  const columns = writtenColumns(report);
  const rows = report.rows.map((row) => columns.map((column) =>
    humanCell(column, column.value(row, context), partial?.(row, column.id) ?? false, context)));
  const totals = report.totals;
  if (totals) rows.push(totalsCells(columns, totals, totals.label, (column, value, isPartial) => humanCell(column, value, isPartial, context)));
  return formatTable(columns, rows, { maxWidth });
}

export function csvValue<Row>(column: Column<Row>, value: CellValue): CsvValue {
  if (value === null) return null;
  return column.kind === 'text' ? visibleText(String(value)) : value;
}

/** The header of CSV's column of partial sums (grouped rows). */
export const CSV_PARTIAL_COLUMN = 'partial';

export function csvReport<Row>(report: ColumnReport<Row>): string {
  const { context, partial } = report;
  const columns = writtenColumns(report);
  // Grouped rows can hold partial sums: a last column names them, row by row.
  const partialIds = (isPartial: (id: string) => boolean) => columns.filter((c) => c !== LABEL_COLUMN && isPartial(c.id)).map((c) => c.id).join(' ');
  let out = csvLine([...columns.map((c) => c.id), ...(partial ? [CSV_PARTIAL_COLUMN] : [])]);
  for (const row of report.rows) {
    const cells: CsvValue[] = columns.map((column) => csvValue(column, column.value(row, context)));
    if (partial) cells.push(partialIds((id) => partial(row, id)));
    out += csvLine(cells);
  }
  if (report.totals) {
    const totals = report.totals;
    const totalPartial = partialIds((id) => totals.value(id) !== undefined && totals.partial(id));
    const label = partial || totalPartial === '' ? totals.label : `${totals.label} (partial: ${totalPartial})`;
    const cells: (CsvValue | string)[] = totalsCells(columns, totals, label, (column, value) => csvValue(column, value));
    if (partial) cells.push(totalPartial);
    out += csvLine(cells);
  }
  return out;
}
