/**
 * Text written by other users (comm, cmdline, paths, cgroup names) made safe for a terminal:
 * every control character (C0, DEL, C1: ESC, BEL, CSI, OSC, ...) and every character that is
 * invisible or that terminals draw differently becomes visible, inert text ("\x1b", "\u202e",
 * "\u{e0041}"), so it can neither drive the terminal nor hide itself nor make the screen's cells
 * disagree with memtop's count of them (cell-width.ts). Combining marks past MAX_MARKS on one
 * character are escaped too (a run of one mark as "\u0301×98"): stacked in one cell, a hundred
 * of them hide the text that follows.
 * JSON output keeps the exact text instead, with the same characters written as JSON escapes
 * (inertJson); blessed tag braces are the UI's own concern (escapeTags in src/ui).
 */

// C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates, LRM/RLM/ALM, line and
// paragraph separators, zero-width and BOM characters that hide or reorder text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const UNSAFE_ABOVE_C0 = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

// For the screen, also: every format character (soft hyphen, tag characters), unpaired
// surrogates, default-ignorable characters (Hangul fillers, variation selectors), unassigned
// code points, conjoining Hangul vowels and finals, emoji modifiers and regional indicators
// (which a terminal may or may not join with their neighbours).
const SCREEN_UNSAFE = new RegExp(`${UNSAFE.source.slice(0, -1)}\\p{Cc}\\p{Cf}\\p{Cs}\\p{Cn}\\p{Default_Ignorable_Code_Point}`
  + '\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u1160-\\u11ff\\ud7b0-\\ud7ff]', 'gu');
/** Printable ASCII and Latin 1 letters: nothing to escape, checked at native speed. */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;
const MARK = /\p{M}/u;
const MARKS_AT_START = /^\p{M}+/u;

/** Combining marks kept on one character; those past it are escaped. */
export const MAX_MARKS = 2;

/** One code point as visible text: \xNN, \uNNNN or \u{NNNNN}. */
export function visibleCodePoint(char: string): string {
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Made on first use: creating a Segmenter loads ICU's break rules, which JSON and plain text never need. */
let graphemes: Intl.Segmenter | null = null;

/** Escapes for marks, a run of one mark as one escape and its count: "\\u0301×98". */
function escapedMarks(marks: string[]): string {
  let out = '';
  for (let i = 0; i < marks.length;) {
    let end = i + 1;
    while (end < marks.length && marks[end] === marks[i]) end++;
    out += visibleCodePoint(marks[i]) + (end - i > 1 ? `×${end - i}` : '');
    i = end;
  }
  return out;
}

/** Marks with no character to sit on, and marks past MAX_MARKS on one character, escaped. */
function boundMarks(text: string): string {
  let out = '';
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    const leading = MARKS_AT_START.exec(segment)?.[0] ?? '';
    out += escapedMarks([...leading]);
    let marks = 0;
    let excess: string[] = [];
    for (const char of segment.slice(leading.length)) {
      if (!MARK.test(char)) {
        out += escapedMarks(excess) + char;
        excess = [];
      } else if (++marks > MAX_MARKS) excess.push(char);
      else out += char;
    }
    out += escapedMarks(excess);
  }
  return out;
}

export function visibleText(text: string): string {
  if (PLAIN.test(text)) return text;
  const escaped = text.replace(SCREEN_UNSAFE, visibleCodePoint);
  return MARK.test(escaped) ? boundMarks(escaped) : escaped;
}

/**
 * JSON text with every character above written as a \uXXXX escape. JSON.stringify escapes only
 * C0 controls: a C1 control (U+009B is CSI to a terminal that takes 8-bit controls) or a bidi
 * override in a process name would reach the terminal raw. JSON.parse gives back the exact text.
 */
export function inertJson(json: string): string {
  // Not C0: JSON.stringify escapes those inside strings, and the only ones left are the newlines
  // of the indentation, which must stay as they are for the text to be JSON.
  return json.replace(UNSAFE_ABOVE_C0, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
