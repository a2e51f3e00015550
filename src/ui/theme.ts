/**
 * Colours as blessed tags, or none (--no-color): then only bold and inverse remain, and the
 * meters draw their segments with different characters instead of colours (as htop does).
 */
import { magnitudeOf } from '../model/human-units.js';

export interface Theme {
  readonly color: boolean;
  fg(color: string, text: string): string;
  bold(text: string): string;
  /** The selected row, the footer's key labels, titles. */
  bar(text: string): string;
  /** A byte figure coloured by its unit, as htop: M cyan, G green, T and up red. */
  bytes(text: string, bytes: number | null): string;
  /** A tagged row (Space): yellow as in htop; underlined without colours. */
  tagged(text: string): string;
}

const MAGNITUDE_COLORS = ['', '', 'cyan', 'green', 'red', 'red'];

export function makeTheme(color: boolean): Theme {
  return {
    color,
    fg: (name, text) => (color && text !== '' ? `{${name}-fg}${text}{/${name}-fg}` : text),
    bold: (text) => `{bold}${text}{/bold}`,
    bar: (text) => (color ? `{black-fg}{cyan-bg}${text}{/cyan-bg}{/black-fg}` : `{inverse}${text}{/inverse}`),
    bytes: (text, bytes) => {
      const name = MAGNITUDE_COLORS[magnitudeOf(bytes)] ?? '';
      return color && name !== '' ? `{${name}-fg}${text}{/${name}-fg}` : text;
    },
    tagged: (text) => (color ? `{yellow-fg}{bold}${text}{/bold}{/yellow-fg}` : `{underline}{bold}${text}{/bold}{/underline}`),
  };
}
