/**
 * Colours as blessed tags, in one of three schemes: the default (for dark terminals), light
 * (no yellow or cyan text, which light backgrounds wash out) and monochrome (--no-color): then
 * only bold and inverse remain, and the meters draw their segments with different characters
 * instead of colours (as htop does).
 */
import { magnitudeOf } from '../model/human-units.js';
import type { ColorScheme } from '../config/setup.js';

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
/** Colours a light background washes out, and what the light scheme draws instead. */
const ON_LIGHT: Record<string, string> = { yellow: 'magenta', cyan: 'blue', white: 'black' };

/** `color` false (--no-color, NO_COLOR) is the monochrome scheme whatever `scheme` says. */
export function makeTheme(color: boolean, scheme: ColorScheme = 'default'): Theme {
  if (scheme === 'monochrome') color = false;
  const light = scheme === 'light';
  const name = (n: string) => (light ? ON_LIGHT[n] ?? n : n);
  return {
    color,
    fg: (n, text) => (color && text !== '' ? `{${name(n)}-fg}${text}{/${name(n)}-fg}` : text),
    bold: (text) => `{bold}${text}{/bold}`,
    bar: (text) => (!color ? `{inverse}${text}{/inverse}` : light ? `{white-fg}{blue-bg}${text}{/blue-bg}{/white-fg}` : `{black-fg}{cyan-bg}${text}{/cyan-bg}{/black-fg}`),
    bytes: (text, bytes) => {
      const unit = name(MAGNITUDE_COLORS[magnitudeOf(bytes)] ?? '');
      return color && unit !== '' ? `{${unit}-fg}${text}{/${unit}-fg}` : text;
    },
    tagged: (text) => (color ? `{${name('yellow')}-fg}{bold}${text}{/bold}{/${name('yellow')}-fg}` : `{underline}{bold}${text}{/bold}{/underline}`),
  };
}
