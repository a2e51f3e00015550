/**
 * The human table of `memtop maps`, laid out as humanReport and formatTable lay out any report,
 * in two passes over the rows instead of holding every formatted cell: the first measures the
 * columns, the second writes the lines. A process with 60,000 mappings would otherwise hold
 * 780,000 cell strings at once. maps-table.test.ts checks that both give the same text.
 */
import { cutToCells, textCells } from '../model/cell-width.js';
import { csvValue, humanCell, totalsCells, writtenColumns, type ColumnReport } from './column-report.js';
import { csvLine } from './csv.js';
import { MIN_CUT_CELL } from './text-table.js';

/** A formatted cell and its width in terminal cells. */
interface Cell {
  text: string;
  cells: number;
}

/** Distinct values a column remembers the cells of (addresses are all distinct: not worth more). */
const CACHED_CELLS = 4096;

/** A report whose rows are made one at a time (rowAt(0 .. rowCount - 1)), each used and dropped. */
export interface RowSource<Row> extends Omit<ColumnReport<Row>, 'rows'> {
  rowCount: number;
  rowAt(index: number): Row;
}

export function streamedHumanReport<Row>(report: RowSource<Row>, emit: (text: string) => void, maxWidth?: number): void {
  const { context, partial, totals } = report;
  const columns = writtenColumns({ ...report, rows: [] });
  // Most values repeat (perms, kinds, paths, sizes): each column remembers its formatted cells.
  const caches = columns.map(() => new Map<number | string | null, Cell>());
  const cellOf = (row: Row, c: number): Cell => {
    const column = columns[c];
    const value = column.value(row, context);
    const isPartial = partial?.(row, column.id) ?? false;
    const cached = isPartial ? undefined : caches[c].get(value);
    if (cached) return cached;
    const text = humanCell(column, value, isPartial, context);
    const cell = { text, cells: textCells(text) };
    if (!isPartial && caches[c].size < CACHED_CELLS) caches[c].set(value, cell);
    return cell;
  };
  const totalCells = totals
    ? totalsCells(columns, totals, totals.label, (column, value, isPartial) => humanCell(column, value, isPartial, context))
    : null;
  const widths = columns.map((c) => textCells(c.title));
  for (let r = 0; r < report.rowCount; r++) {
    const row = report.rowAt(r);
    for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], cellOf(row, c).cells);
  }
  if (totalCells) for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], textCells(totalCells[c] ?? ''));
  const last = columns.length - 1;
  const lastStart = widths.slice(0, last).reduce((sum, width) => sum + width + 1, 0);
  const cutAt = maxWidth !== undefined && maxWidth > 0 && columns[last]?.align === 'left' ? Math.max(maxWidth, lastStart + MIN_CUT_CELL) : Infinity;
  const line = (cellAt: (i: number) => Cell): string => {
    let text = '';
    for (let i = 0; i <= last; i++) {
      const { text: cell, cells } = cellAt(i);
      if (i > 0) text += ' ';
      const pad = i === last && columns[i].align === 'left' ? '' : ' '.repeat(Math.max(0, widths[i] - cells));
      text += columns[i].align === 'right' ? pad + cell : cell + pad;
    }
    const trimmed = text.trimEnd();
    return cutAt !== Infinity && textCells(trimmed) > cutAt ? cutToCells(trimmed, cutAt) : trimmed;
  };
  const out = new BatchWriter(emit);
  const plain = (texts: readonly string[]) => (i: number): Cell => ({ text: texts[i] ?? '', cells: textCells(texts[i] ?? '') });
  out.add(`${line(plain(columns.map((c) => c.title)))}\n`);
  for (let r = 0; r < report.rowCount; r++) {
    const row = report.rowAt(r);
    out.add(`${line((c) => cellOf(row, c))}\n`);
  }
  if (totalCells) out.add(`${line(plain(totalCells))}\n`);
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
 * Hands many short strings on joined 64 at a time: written as they come, the output of
 * a huge process is never held whole.
 */
export class BatchWriter {
  private pieces: string[] = [];

  constructor(private readonly emit: (text: string) => void, private readonly batch = 64) {}

  add(text: string): void {
    this.pieces.push(text);
    if (this.pieces.length >= this.batch) this.flush();
  }

  flush(): void {
    if (this.pieces.length > 0) this.emit(this.pieces.join(''));
    this.pieces = [];
  }
}
