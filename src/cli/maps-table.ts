/**
 * The human table of `memtop maps`, laid out as humanReport and formatTable lay out any report,
 * in two passes over the rows instead of holding every formatted cell: the first measures the
 * columns, the second writes the lines. A process with 60,000 mappings would otherwise hold
 * 780,000 cell strings at once. maps-table.test.ts checks that both give the same text.
 */
import { cutToCells, textCells } from '../model/cell-width.js';
import type { ColumnContext } from '../model/column.js';
import { csvValue, humanCell, totalsCells, writtenColumns, type ColumnReport } from './column-report.js';
import { csvLine } from './csv.js';
import { MIN_CUT_CELL } from './text-table.js';

/** A report whose rows are made one at a time (rowAt(0 .. rowCount - 1)), each used and dropped. */
export interface RowSource<Row> extends Omit<ColumnReport<Row>, 'rows'> {
  rowCount: number;
  rowAt(index: number): Row;
}

export function streamedHumanReport<Row>(report: RowSource<Row>, emit: (text: string) => void, maxWidth?: number): void {
  const { context, partial, totals } = report;
  const columns = writtenColumns({ ...report, rows: [] });
  const cellsOf = (row: Row): string[] => columns.map((column) =>
    humanCell(column, column.value(row, context as ColumnContext), partial?.(row, column.id) ?? false, context));
  const totalCells = totals
    ? totalsCells(columns, totals, totals.label, (column, value, isPartial) => humanCell(column, value, isPartial, context))
    : null;
  const widths = columns.map((c) => textCells(c.title));
  const measure = (cells: readonly string[]) => {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], textCells(cells[i] ?? ''));
  };
  for (let r = 0; r < report.rowCount; r++) measure(cellsOf(report.rowAt(r)));
  if (totalCells) measure(totalCells);
  const last = columns.length - 1;
  const lastStart = widths.slice(0, last).reduce((sum, width) => sum + width + 1, 0);
  const cutAt = maxWidth !== undefined && maxWidth > 0 && columns[last]?.align === 'left' ? Math.max(maxWidth, lastStart + MIN_CUT_CELL) : Infinity;
  const line = (cells: readonly string[]): string => {
    let text = '';
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? '';
      if (i > 0) text += ' ';
      const pad = i === last && columns[i].align === 'left' ? '' : ' '.repeat(Math.max(0, widths[i] - textCells(cell)));
      text += columns[i].align === 'right' ? pad + cell : cell + pad;
    }
    const trimmed = text.trimEnd();
    return cutAt !== Infinity && textCells(trimmed) > cutAt ? cutToCells(trimmed, cutAt) : trimmed;
  };
  const out = new BatchWriter(emit);
  out.add(`${line(columns.map((c) => c.title))}\n`);
  for (let r = 0; r < report.rowCount; r++) out.add(`${line(cellsOf(report.rowAt(r)))}\n`);
  if (totalCells) out.add(`${line(totalCells)}\n`);
  out.flush();
}

/** csvReport for rows without partial sums, a row at a time. */
export function streamedCsvReport<Row>(report: RowSource<Row>, emit: (text: string) => void): void {
  const { context, totals } = report;
  const columns = writtenColumns({ ...report, rows: [] });
  const out = new BatchWriter(emit);
  out.add(csvLine(columns.map((c) => c.id)));
  for (let r = 0; r < report.rowCount; r++) {
    const row = report.rowAt(r);
    out.add(csvLine(columns.map((column) => csvValue(column, column.value(row, context)))));
  }
  if (totals) out.add(csvLine(totalsCells(columns, totals, totals.label, (column, value) => csvValue(column, value))));
  out.flush();
}

/**
 * Hands many short strings on joined a thousand at a time: written as they come, the output of
 * a huge process is never held whole.
 */
export class BatchWriter {
  private pieces: string[] = [];

  constructor(private readonly emit: (text: string) => void, private readonly batch = 1024) {}

  add(text: string): void {
    this.pieces.push(text);
    if (this.pieces.length >= this.batch) this.flush();
  }

  flush(): void {
    if (this.pieces.length > 0) this.emit(this.pieces.join(''));
    this.pieces = [];
  }
}
