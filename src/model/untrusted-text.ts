/**
 * Text written by other users (comm, cmdline, paths, cgroup names) made safe for a terminal:
 * every control character (C0, DEL, C1: ESC, BEL, CSI, OSC, ...) and every invisible
 * direction or line-separator mark becomes visible, inert text ("\x1b", "\u202e"), so it can
 * neither drive the terminal nor hide itself. JSON output keeps the exact text instead, with the
 * same characters written as JSON escapes (inertJson); blessed tag braces are the UI's own
 * concern (escapeTags in src/ui).
 */

// C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates, LRM/RLM/ALM, line and
// paragraph separators, zero-width and BOM characters that hide or reorder text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const UNSAFE_ABOVE_C0 = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function visibleText(text: string): string {
  return text.replace(UNSAFE, visible);
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
