/**
 * Fitting plain text into a fixed number of terminal cells: pad or cut (with "…" when cut).
 * Widths are counted in cells as blessed counts them when it lays out the screen (fullUnicode):
 * CJK ideographs, Hangul, kana and fullwidth forms take two, combining and zero-width marks
 * none, everything else one (blessed draws emoji as one). Counting as blessed does keeps the
 * table aligned with blessed's own grid, so a column holding a Chinese process name stays in
 * place and a redraw of a changed cell lands where it should.
 */
import blessed from 'blessed';

const charWidth = (blessed as unknown as { unicode: { charWidth(text: string, index: number): number } }).unicode.charWidth;

/** Cells the code point at `text[index]` takes: 0, 1 or 2. */
function cellsAt(text: string, index: number): number {
  return text.charCodeAt(index) < 0x300 ? 1 : charWidth(text, index);
}

/** The cells `text` takes on the screen. */
export function cellWidth(text: string): number {
  let cells = 0;
  for (let i = 0; i < text.length; i++) {
    cells += cellsAt(text, i);
    if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff) i++;
  }
  return cells;
}

/** The longest start of `text` that takes at most `width` cells, and the cells it takes. */
function cut(text: string, width: number): { text: string; cells: number } {
  let cells = 0;
  let end = 0;
  while (end < text.length) {
    const next = cells + cellsAt(text, end);
    if (next > width) break;
    cells = next;
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
  }
  return { text: text.slice(0, end), cells };
}

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cells = cellWidth(text);
  if (cells > width) {
    // A wide character that would straddle the edge leaves its cell blank.
    const start = cut(text, width === 1 ? 1 : width - 1);
    const shown = width === 1 ? start.text : `${start.text}…`;
    return shown + ' '.repeat(Math.max(0, width - start.cells - (width === 1 ? 0 : 1)));
  }
  const pad = ' '.repeat(width - cells);
  return align === 'left' ? text + pad : pad + text;
}

/** Cut to width (cells) without an ellipsis (the right edge of the screen). */
export function clip(text: string, width: number): string {
  if (text.length <= width && cellWidth(text) <= width) return text;
  return cut(text, Math.max(0, width)).text;
}
