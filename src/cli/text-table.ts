/**
 * A plain-text table as ps and smem print them: one header line, columns as wide as their widest
 * cell, numbers right-aligned, the last column (command, path) not padded. Cells arrive already
 * formatted and made safe (visibleText); this file only lays them out.
 */

export interface TableColumn {
  title: string;
  align: 'left' | 'right';
}

export interface TableOptions {
  /** Cut every line to this many characters (the terminal's width when writing to one). */
  maxWidth?: number;
  /** Blanks between columns (1, as ps). */
  gap?: number;
}

export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const widths = columns.map((c) => c.title.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const length = row[i]?.length ?? 0;
      if (length > widths[i]) widths[i] = length;
    }
  }
  const last = columns.length - 1;
  const gap = ' '.repeat(options.gap ?? 1);
  const line = (cells: readonly string[]): string => {
    let text = '';
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? '';
      if (i > 0) text += gap;
      if (columns[i].align === 'right') text += cell.padStart(widths[i]);
      else text += i === last ? cell : cell.padEnd(widths[i]);
    }
    const trimmed = text.trimEnd();
    return options.maxWidth !== undefined && trimmed.length > options.maxWidth ? trimmed.slice(0, options.maxWidth) : trimmed;
  };
  const lines = [line(columns.map((c) => c.title))];
  for (const row of rows) lines.push(line(row));
  return lines.join('\n') + '\n';
}
