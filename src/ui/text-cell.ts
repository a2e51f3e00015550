/**
 * Fitting plain text into a fixed number of terminal cells: pad or cut (with "…" when cut).
 * Widths are counted in cells, not UTF-16 code units: CJK ideographs, Hangul, kana, fullwidth
 * forms and most emoji take two cells, combining marks none (the terminal draws them so, and
 * blessed, with fullUnicode, too), so a column holding a Chinese process name stays aligned.
 */

/** Code point ranges a terminal draws two cells wide (East Asian Wide and Fullwidth, emoji). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

/** Cells one code point takes: 0 (combining marks), 1, or 2 (WIDE). */
export function codePointCells(code: number): number {
  if (code < 0x300) return 1;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff)
    || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (code < 0x1100) return 1;
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < WIDE[mid][0]) high = mid - 1;
    else if (code > WIDE[mid][1]) low = mid + 1;
    else return 2;
  }
  return 1;
}

/** The cells `text` takes on a terminal. */
export function cellWidth(text: string): number {
  let cells = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x300) {
      cells++;
      continue;
    }
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    cells += codePointCells(code);
  }
  return cells;
}

/** The longest start of `text` that takes at most `width` cells, and the cells it takes. */
function cut(text: string, width: number): { text: string; cells: number } {
  let cells = 0;
  let end = 0;
  while (end < text.length) {
    const code = text.codePointAt(end)!;
    const next = cells + codePointCells(code);
    if (next > width) break;
    cells = next;
    end += code > 0xffff ? 2 : 1;
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
