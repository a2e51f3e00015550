/**
 * The blessed screen and its boxes. The terminal is a parameter (input and output streams), so
 * tests run the same UI on fake streams. terminal 'xterm-256color' and warnings off: blessed
 * cannot parse ncurses 6.4 terminfo files (STYLE.md), and these capabilities work under
 * xterm, screen, tmux and the linux console alike. No title is ever set.
 */
import blessed from 'blessed';
import { HEADER_HEIGHT } from './widgets/header.js';

export interface Screen {
  screen: blessed.Widgets.Screen;
  header: blessed.Widgets.BoxElement;
  crumb: blessed.Widgets.BoxElement;
  body: blessed.Widgets.BoxElement;
  footer: blessed.Widgets.BoxElement;
  dialog: blessed.Widgets.BoxElement;
  tooSmall: blessed.Widgets.BoxElement;
}

export interface ScreenStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export const MIN_WIDTH = 80;
export const MIN_HEIGHT = 24;

function line(screen: blessed.Widgets.Screen, top: number): blessed.Widgets.BoxElement {
  return blessed.box({ parent: screen, top, left: 0, width: '100%', height: 1, tags: true, wrap: false });
}

export function createScreen(streams: ScreenStreams): Screen {
  const screen = blessed.screen({
    input: streams.input as any,
    output: streams.output as any,
    terminal: 'xterm-256color',
    warnings: false,
    smartCSR: true,
    autoPadding: false,
    fullUnicode: true,
    dockBorders: false,
    ignoreLocked: ['C-c'],
  });
  const header = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: HEADER_HEIGHT, tags: true, wrap: false });
  const crumb = line(screen, HEADER_HEIGHT);
  const body = blessed.box({ parent: screen, top: HEADER_HEIGHT + 1, left: 0, width: '100%', height: 10, tags: true, wrap: false });
  const footer = line(screen, 23);
  const dialog = blessed.box({
    parent: screen, top: 'center', left: 'center', width: 40, height: 10, tags: true, wrap: false, hidden: true,
    border: { type: 'line' }, style: { border: { fg: 'cyan' }, label: { bold: true } },
  });
  const tooSmall = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: '100%', tags: true, hidden: true, wrap: true });
  return { screen, header, crumb, body, footer, dialog, tooSmall };
}

/** Sizes the boxes for the screen's current size. */
export function layout(s: Screen): void {
  const height = s.screen.height as number;
  s.body.height = Math.max(1, height - HEADER_HEIGHT - 2);
  s.footer.top = height - 1;
}

export function tooSmallFor(width: number, height: number): boolean {
  return width < MIN_WIDTH || height < MIN_HEIGHT;
}
