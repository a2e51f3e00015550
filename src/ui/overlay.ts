/**
 * A dialog over the view (help, a picker, a confirmation) or the prompt line (search, filter).
 * Like a view it holds state, draws lines of tagged text and answers keys with a Reaction; it
 * gets the raw character too, for typing. The app closes it on `closeOverlay`.
 */
import type { Reaction } from './view.js';
import type { Theme } from './theme.js';

export interface Overlay {
  /** "box": a dialog in the middle of the screen; "line": the prompt line at the bottom. */
  readonly placement: 'box' | 'line';
  /** Plain text; the app escapes it. */
  readonly title: string;
  /** The dialog's outer size for a screen of this size ("box" only). */
  size?(screenWidth: number, screenHeight: number): { width: number; height: number };
  /** Lines of tagged text for an inner area of width × height. */
  render(width: number, height: number, theme: Theme): string[];
  /** `ch`: the character typed, if any; `key`: blessed's key.full ("enter", "escape", "up"...). */
  onKey(ch: string | undefined, key: string | undefined): Reaction;
}

/** A typed character worth inserting: printable, not a control or escape sequence. */
export function isPrintable(ch: string | undefined): ch is string {
  return ch !== undefined && ch.length >= 1 && !/[\u0000-\u001f\u007f]/.test(ch);
}
