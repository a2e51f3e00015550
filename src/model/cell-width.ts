/**
 * The cells a text takes on a terminal: the one width function of memtop (the UI's cells, the
 * one-shot tables). Unicode's East_Asian_Width (get-east-asian-width, kept up to date with the
 * standard) decides two cells (Wide, Fullwidth: CJK, Hangul, kana, emoji) or one (everything
 * else, Ambiguous included, as terminals draw it outside CJK locales); combining marks and
 * invisible characters take none. Text reaching here went through visibleText, so the
 * characters terminals disagree on (zero-width joiners, variation selectors, emoji modifiers,
 * flags, runs of marks) are escapes by now. A cut never splits a grapheme (Intl.Segmenter).
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}\u1160-\u11ff\ud7b0-\ud7ff]$/u;

/** 0, 1 or 2: the cells of one code point (a one-character string). */
export function codePointCells(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad ? 0 : 1;
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(code);
}

/** Nothing that takes other than one cell: the usual case, checked at native speed. */
const ONE_CELL_EACH = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

export function textCells(text: string): number {
  if (ONE_CELL_EACH.test(text)) return text.length;
  let cells = 0;
  for (const char of text) cells += codePointCells(char);
  return cells;
}

/** Made on first use: creating a Segmenter loads ICU's break rules, which plain text never needs. */
let graphemes: Intl.Segmenter | null = null;

/** The longest start of `text` that fits in `cells`, never cutting a grapheme in two. */
export function cutToCells(text: string, cells: number): string {
  if (ONE_CELL_EACH.test(text)) return text.slice(0, Math.max(0, cells));
  let used = 0;
  let end = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    used += textCells(segment);
    if (used > cells) break;
    end += segment.length;
  }
  return text.slice(0, end);
}
