/**
 * Fitting untrusted or plain text into a fixed number of terminal cells: pad or cut (with "…"
 * when cut). Widths come from memtop's one width function (src/model/cell-width.ts), which
 * blessed is made to use too (useCellWidth): with fullUnicode, blessed puts a wide character in
 * one cell of its grid, needs a filler cell after it (its parseContent adds one only after the
 * CJK of its own, older table: withFillers adds the others), and when drawing skips the cell
 * after any character its charWidth calls wide. Where blessed's grid and the terminal disagree,
 * its damage tracking redraws the wrong cells and leaves fragments. What blessed would still lay
 * out otherwise (a mark missing from its table, a mark on a wide character, a filler after a
 * narrow character) is shown escaped by screenText.
 */
import blessed from 'blessed';
import { cutToCells, codePointCells, textCells } from '../model/cell-width.js';
import { visibleCodePoint, visibleText } from '../model/untrusted-text.js';

interface BlessedUnicode {
  charWidth(text: string | number, index?: number): number;
  codePointAt(text: string, index: number): number;
  combining: Record<number, boolean | undefined>;
  chars: { all: RegExp };
}
const unicode = (blessed as unknown as { unicode: BlessedUnicode }).unicode;
const blessedCharWidth = unicode.charWidth;
/** The characters after which blessed's parseContent inserts its filler cell. */
const FILLED = new RegExp(`^(?:${unicode.chars.all.source})$`);
/** One cell each for blessed and for every terminal: nothing to check. */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

/** blessed's charWidth answered by cell-width.ts (below U+0300 its own: tabs, controls). */
export function useCellWidth(): void {
  if (unicode.charWidth !== blessedCharWidth) return;
  unicode.charWidth = (text, index = 0) => {
    const code = typeof text === 'number' ? text : unicode.codePointAt(text, index);
    return code < 0x300 ? blessedCharWidth(code) : codePointCells(String.fromCodePoint(code));
  };
}

const agreement = new Map<number, boolean>();

/** Whether blessed lays `char` out in the cells cell-width.ts gives it (marks: on a one-cell character). */
function blessedAgrees(char: string, cells: number, previousCells: number): boolean {
  if (cells === 0 && previousCells !== 1) return false;
  const code = char.codePointAt(0)!;
  let agrees = agreement.get(code);
  if (agrees === undefined) {
    agrees = cells === 0 ? unicode.combining[code] === true : cells === 2 || !FILLED.test(char);
    agreement.set(code, agrees);
  }
  return agrees;
}

/** Untrusted text as the screen shows it: visibleText, then escapes where blessed would disagree. */
export function screenText(text: string): string {
  if (PLAIN.test(text)) return text;
  const visible = visibleText(text);
  let out = '';
  let previousCells = 1;
  for (const char of visible) {
    const cells = codePointCells(char);
    if (blessedAgrees(char, cells, previousCells)) {
      out += char;
      previousCells = cells === 0 ? previousCells : cells;
    } else {
      out += visibleCodePoint(char);
      previousCells = 1;
    }
  }
  return out;
}

const MAYBE_WIDE = /[\u1100-\u{10ffff}]/u;
const WIDE_CANDIDATES = /[\u1100-\u{10ffff}]/gu;

/**
 * The text of a box as blessed must get it: a filler cell (a blank) after each wide character
 * its parseContent does not fill itself. Applied last, to text whose cells are already counted.
 */
export function withFillers(text: string): string {
  if (!MAYBE_WIDE.test(text)) return text;
  return text.replace(WIDE_CANDIDATES, (char) => (codePointCells(char) === 2 && !FILLED.test(char) ? `${char} ` : char));
}

/** The cells `text` takes on the screen (text as screenText gives it). */
export function cellWidth(text: string): number {
  return textCells(text);
}

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const shown = screenText(text);
  const cells = textCells(shown);
  if (cells > width) {
    // A wide character that would straddle the edge leaves its cell blank.
    const start = cutToCells(shown, width === 1 ? 1 : width - 1);
    const used = textCells(start);
    const cut = width === 1 ? start : `${start}…`;
    return cut + ' '.repeat(Math.max(0, width - used - (width === 1 ? 0 : 1)));
  }
  const pad = ' '.repeat(width - cells);
  return align === 'left' ? shown + pad : pad + shown;
}

/** Cut to width (cells) without an ellipsis (the right edge of the screen). */
export function clip(text: string, width: number): string {
  const shown = screenText(text);
  if (shown.length <= width && textCells(shown) <= width) return shown;
  return cutToCells(shown, Math.max(0, width));
}
