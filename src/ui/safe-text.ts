/**
 * Untrusted text (comm, cmdline, paths) made inert for a blessed element with tags on: control
 * and invisible characters become visible escapes, as do characters blessed would lay out in
 * other cells than the terminal (screenText), and tag braces become blessed's own escapes, so a
 * process named "{bold}" or "\x1b]0;owned\x07" prints as those characters and nothing else.
 */
import { screenText } from './text-cell.js';

/** "{" → "{open}", "}" → "{close}": blessed prints them as braces and parses no tag. */
export function escapeTags(text: string): string {
  return text.replace(/[{}]/g, (brace) => (brace === '{' ? '{open}' : '{close}'));
}

/** screenText, then escapeTags: for anything a process or a file name controls. */
export function safeText(text: string): string {
  return escapeTags(screenText(text));
}
