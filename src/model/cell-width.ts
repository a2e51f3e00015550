/**
 * The cells a text takes on a terminal, as wcwidth counts them: East Asian wide and fullwidth
 * characters (CJK ideographs, Hangul, kana, fullwidth forms) and emoji take two, combining and
 * zero-width marks none, everything else one. For the one-shot tables, which a terminal lays out
 * (the UI counts as blessed does: src/ui/text-cell.ts). Text reaching here went through
 * visibleText: no control characters.
 */

/** Wide and fullwidth ranges (Unicode's East_Asian_Width W and F, the blocks that matter). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u;

function isWide(code: number): boolean {
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < WIDE[mid][0]) high = mid - 1;
    else if (code > WIDE[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** 0, 1 or 2: the cells of one code point. */
export function codePointCells(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  return isWide(code) ? 2 : 1;
}

/** Nothing that takes other than one cell: the usual case, checked at native speed. */
const ONE_CELL_EACH = /^[\u0000-\u02ff]*$/;

export function textCells(text: string): number {
  if (ONE_CELL_EACH.test(text)) return text.length;
  let cells = 0;
  for (const char of text) cells += codePointCells(char);
  return cells;
}

/** The longest start of `text` that fits in `cells`, never cutting a character in two. */
export function cutToCells(text: string, cells: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += codePointCells(char);
    if (used > cells) break;
    end += char.length;
  }
  return text.slice(0, end);
}
