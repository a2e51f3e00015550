/**
 * A table drawn from a column table as lines of tagged text, for one box: the header (with the
 * sort indicator), the rows of the visible window only, and a totals line. Cells are fitted as
 * plain text and only then escaped, so an untrusted name can neither break the layout nor
 * inject a tag.
 */
import type { Column, ColumnContext } from '../../model/column.js';
import { formatValue } from '../../model/format-cell.js';
import type { SortSpec } from '../../model/sort-rows.js';
import type { Theme } from '../theme.js';
import { escapeTags } from '../safe-text.js';
import { clip, fit } from '../text-cell.js';

export interface TableLayout<Row> {
  columns: readonly Column<Row>[];
  /** Cells per column; the last (or a width-0 column) takes what is left. */
  widths: number[];
  width: number;
}

/** Column widths for a screen width: fixed widths, and the rest to the flexible (width 0) column. */
export function layoutTable<Row>(columns: readonly Column<Row>[], width: number,
  widthOf: (column: Column<Row>) => number = (c) => c.width): TableLayout<Row> {
  const fixed = columns.map((c) => widthOf(c));
  const used = fixed.reduce((sum, w) => sum + w, 0) + Math.max(0, columns.length - 1);
  const widths = fixed.map((w) => (w === 0 ? Math.max(1, width - used) : w));
  return { columns, widths, width };
}

const SORT_MARK = { descending: '▼', ascending: '▲' };

export function headerLine<Row>(layout: TableLayout<Row>, sort: SortSpec<Row> | null, theme: Theme): string {
  const cells = layout.columns.map((column, i) => {
    const sorted = sort !== null && sort.column.id === column.id;
    const mark = sorted ? (sort.descending ? SORT_MARK.descending : SORT_MARK.ascending) : '';
    // A title too long for its column with the mark (S, one cell) gives up letters, not the mark.
    const width = layout.widths[i];
    const title = mark !== '' && column.title.length + 1 > width ? column.title.slice(0, Math.max(0, width - 1)) : column.title;
    const text = fit(column.align === 'right' ? mark + title : title + mark, width, column.align);
    return sorted ? (theme.color ? `{cyan-bg}${escapeTags(text)}{/cyan-bg}` : `{underline}${escapeTags(text)}{/underline}`) : escapeTags(text);
  });
  const line = cells.join(' ');
  const pad = ' '.repeat(Math.max(0, layout.width - plainWidth(layout)));
  return theme.color ? `{black-fg}{green-bg}${line}${pad}{/green-bg}{/black-fg}` : `{bold}${line}${pad}{/bold}`;
}

function plainWidth<Row>(layout: TableLayout<Row>): number {
  return layout.widths.reduce((sum, w) => sum + w, 0) + Math.max(0, layout.columns.length - 1);
}

/** Plain cell texts of one row, fitted to the layout. */
export function rowCells<Row>(layout: TableLayout<Row>, row: Row, context: ColumnContext,
  cellText?: (column: Column<Row>, row: Row) => string | undefined): string[] {
  return layout.columns.map((column, i) => {
    const text = cellText?.(column, row) ?? (column.mark?.(row, context) ?? '') + formatValue(column, column.value(row, context), context);
    return fit(text, layout.widths[i], column.align);
  });
}

export function rowLine<Row>(layout: TableLayout<Row>, row: Row, context: ColumnContext, theme: Theme,
  selected: boolean, cellText?: (column: Column<Row>, row: Row) => string | undefined): string {
  const cells = rowCells(layout, row, context, cellText);
  if (selected) return theme.bar(escapeTags(fit(cells.join(' '), layout.width)));
  return layout.columns.map((column, i) => {
    const text = escapeTags(cells[i]);
    if (column.mark?.(row, context)) return theme.fg('red', theme.bold(text));
    if (column.kind !== 'bytes') return text;
    const value = column.value(row, context);
    return theme.bytes(text, typeof value === 'number' ? value : null);
  }).join(' ');
}

/** The column index under screen column x, or -1 (for a click on a header). */
export function columnAt<Row>(layout: TableLayout<Row>, x: number): number {
  let left = 0;
  for (let i = 0; i < layout.widths.length; i++) {
    const right = left + layout.widths[i];
    if (x >= left && x <= right) return i;
    left = right + 1;
  }
  return -1;
}
