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
  dropBlessedCrashHandler(screen);
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

/**
 * blessed's Screen adds a handler for uncaught exceptions that, when it finds itself the only one
 * left, prints the raw stack trace and exits on the next tick. memtop's own (run-tui.ts) restores
 * the terminal, prints one line and the path of a crash log; destroying the screen takes
 * blessed's handler off the list, but it is still called for that same exception, finds only
 * memtop's left, and printed the stack after memtop's message. It goes.
 */
function dropBlessedCrashHandler(screen: blessed.Widgets.Screen): void {
  const handler = (screen.constructor as { _exceptionHandler?: (error: Error) => void })._exceptionHandler;
  if (handler !== undefined) process.removeListener('uncaughtException', handler);
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
