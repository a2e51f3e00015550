/**
 * Fitting untrusted or plain text into a fixed number of terminal cells: pad or cut (with "…"
 * when cut). Widths come from memtop's one width function (src/model/cell-width.ts). blessed
 * lays text out with its own, older table (lib/unicode.js: with fullUnicode it puts a wide
 * character and a filler cell on its grid, stacks combining marks on the cell before, and
 * counts everything else as one cell); where its count and the terminal's differ, its damage
 * tracking redraws the wrong cells and leaves fragments. So every text handed to blessed goes
 * through screenText first: a character blessed would lay out differently from cell-width.ts
 * (an emoji, which blessed counts as one cell; a mark missing from its table; a mark on a wide
 * character) is shown escaped, and blessed's grid, memtop's count and the terminal agree.
 */
import blessed from 'blessed';
import { cutToCells, codePointCells, textCells } from '../model/cell-width.js';
import { visibleCodePoint, visibleText } from '../model/untrusted-text.js';

interface BlessedUnicode {
  charWidth(text: string, index: number): number;
  combining: Record<number, boolean | undefined>;
  chars: { all: RegExp };
}
const unicode = (blessed as unknown as { unicode: BlessedUnicode }).unicode;
/** The characters after which blessed's parseContent inserts its filler cell. */
const FILLED = new RegExp(`^(?:${unicode.chars.all.source})$`);
/** One cell each for blessed and for every terminal: nothing to check. */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

const agreement = new Map<number, boolean>();

/** Whether blessed gives `char` the same cells as cell-width.ts (marks: on a one-cell character). */
function blessedAgrees(char: string, cells: number, previousCells: number): boolean {
  const code = char.codePointAt(0)!;
  if (cells === 0 && previousCells !== 1) return false;
  let agrees = agreement.get(code);
  if (agrees === undefined) {
    const theirs = unicode.charWidth(char, 0);
    const filled = FILLED.test(char);
    agrees = cells === 0 ? theirs === 0 && unicode.combining[code] === true : theirs === cells && filled === (cells === 2);
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
