/**
 * The blessed screen and its boxes. The terminal is a parameter (input and output streams), so
 * tests run the same UI on fake streams. terminal 'xterm-256color' and warnings off: blessed
 * cannot parse ncurses 6.4 terminfo files (STYLE.md), and these capabilities work under
 * xterm, screen, tmux and the linux console alike. No title is ever set.
 */
import blessed from 'blessed';
import { HEADER_HEIGHT } from './widgets/header.js';
import { useCellWidth } from './text-cell.js';

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
  useCellWidth();
  const screen = blessed.screen({
    input: streams.input as any,
    output: streams.output as any,
    terminal: 'xterm-256color',
    warnings: false,
    smartCSR: true,
    autoPadding: false,
    fullUnicode: true,
    // Whatever the locale says: memtop writes UTF-8 (▲, …, ›), and text-cell.ts counts cells
    // as blessed does with fullUnicode (without it, blessed turns wide characters into "??").
    forceUnicode: true,
    dockBorders: false,
    ignoreLocked: ['C-c'],
  });
  dropBlessedProcessHandlers(screen);
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
 * blessed's Screen adds process handlers that end the process its own way; memtop's (run-tui.ts)
 * restore the terminal, stop the sampler thread and exit through exitUi. They go:
 * - for uncaught exceptions: when it finds itself the only one left it prints the raw stack
 *   trace and exits on the next tick; destroying the screen takes it off the list, but it is
 *   still called for that same exception, finds only memtop's left, and printed the stack after
 *   memtop's one-line message;
 * - for SIGTERM, SIGINT and SIGQUIT: the same way, called after memtop's for the same signal, it
 *   exited at once with status 0, before memtop's own exit (a `kill %1` on a stopped memtop then
 *   stopped it again, SIGTTOU: see exitUi).
 */
function dropBlessedProcessHandlers(screen: blessed.Widgets.Screen): void {
  const handlers = screen.constructor as unknown as Record<string, ((...args: unknown[]) => void) | undefined>;
  const events: [string, string][] = [['uncaughtException', '_exceptionHandler'], ['SIGTERM', '_sigtermHandler'],
    ['SIGINT', '_sigintHandler'], ['SIGQUIT', '_sigquitHandler']];
  for (const [event, name] of events) {
    const handler = handlers[name];
    if (handler !== undefined) process.removeListener(event, handler);
  }
}

/** Sizes the boxes for the screen's current size. */
export function layout(s: Screen): void {
  const height = s.screen.height as number;
  s.body.height = Math.max(1, height - HEADER_HEIGHT - 2);
  s.footer.top = height - 1;
  // Wider than the screen, which clips them: blessed cuts a line that is not wrapped at as many
  // UTF-16 units as the box is wide, so a line of exactly the screen's cells that holds marks or
  // characters beyond U+FFFF (more units than cells) lost its last cells. Lines are laid out for
  // the screen's width (ViewContext.width); a cell takes at most three units (base, two marks).
  const boxWidth = (s.screen.width as number) * 3;
  for (const box of [s.header, s.crumb, s.body, s.footer]) box.width = boxWidth;
}

export function tooSmallFor(width: number, height: number): boolean {
  return width < MIN_WIDTH || height < MIN_HEIGHT;
}
