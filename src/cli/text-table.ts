/**
 * A plain-text table as ps and smem print them: one header line, columns as wide as their widest
 * cell, numbers right-aligned, the last column (command, path) not padded. Cells arrive already
 * formatted and made safe (visibleText); this file only lays them out, in terminal cells.
 */
import { cutToCells, textCells } from '../model/cell-width.js';

export interface TableColumn {
  title: string;
  align: 'left' | 'right';
}

export interface TableOptions {
  /**
   * The terminal's width when writing to one: the last column, when it is text (a command, a
   * path), is cut to fit, as ps cuts it; nothing else is (a line whose other columns alone are
   * wider is left to wrap, with at least MIN_CUT_CELL characters of its text), and a number in
   * the last column never is. Unknown (undefined, or 0 as some terminals report): no cut.
   */
  maxWidth?: number;
  /** Blanks between columns (1, as ps). */
  gap?: number;
}

/** The least of a last text column kept on a terminal narrower than the other columns. */
export const MIN_CUT_CELL = 16;

export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  // In terminal cells (cell-width.ts): a CJK name takes two per character.
  const widths = columns.map((c) => textCells(c.title));
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const cells = textCells(row[i] ?? '');
      if (cells > widths[i]) widths[i] = cells;
    }
  }
  const last = columns.length - 1;
  const gap = ' '.repeat(options.gap ?? 1);
  const lastStart = widths.slice(0, last).reduce((sum, width) => sum + width + gap.length, 0);
  const maxWidth = options.maxWidth ?? 0;
  const cutAt = maxWidth > 0 && columns[last]?.align === 'left' ? Math.max(maxWidth, lastStart + MIN_CUT_CELL) : Infinity;
  const line = (cells: readonly string[]): string => {
    let text = '';
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? '';
      if (i > 0) text += gap;
      const pad = i === last && columns[i].align === 'left' ? '' : ' '.repeat(Math.max(0, widths[i] - textCells(cell)));
      text += columns[i].align === 'right' ? pad + cell : cell + pad;
    }
    const trimmed = text.trimEnd();
    return cutAt !== Infinity && textCells(trimmed) > cutAt ? cutToCells(trimmed, cutAt) : trimmed;
  };
  const lines = [line(columns.map((c) => c.title))];
  for (const row of rows) lines.push(line(row));
  return lines.join('\n') + '\n';
}
