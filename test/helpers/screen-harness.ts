/**
 * The real UI (runTui) on fake terminal streams, drawn into @xterm/headless (with Unicode 11
 * widths), for fast and exact screen assertions. Keys are the byte sequences an xterm sends; the screen is read as text.
 */
import { PassThrough, Writable } from 'node:stream';
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import { runTui } from '../../src/ui/run-tui.js';
import type { TuiOptions } from '../../src/ui/tui-options.js';
import { findColumn, parseColumnList } from '../../src/model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../../src/model/process-columns.js';
import { InlineSource } from './screen-source.js';
import type { ReplayController } from '../../src/ui/replay/replay-controller.js';

export const KEYS = {
  f1: '\x1bOP', f2: '\x1bOQ', f3: '\x1bOR', f4: '\x1bOS', f6: '\x1b[17~', f7: '\x1b[18~', f8: '\x1b[19~', f9: '\x1b[20~', f10: '\x1b[21~',
  up: '\x1b[A', down: '\x1b[B', pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F',
  enter: '\r', backspace: '\x7f', escape: '\x1b', space: ' ',
};

type FakeTty = Writable & { columns: number; rows: number; isTTY: boolean };

export interface Harness {
  source: InlineSource;
  term: InstanceType<typeof xterm.Terminal>;
  /** Resolves with the exit code when the UI ends. */
  exited: Promise<number>;
  press(...keys: string[]): Promise<void>;
  /** The screen as lines of text (trailing spaces trimmed). */
  lines(): string[];
  text(): string;
  /**
   * Row y as the terminal holds it, one entry per cell: a wide character in its first cell and
   * '' in the cell it covers; combining marks with their character; a blank cell is ' '.
   */
  cells(y: number): string[];
  /** Lines drawn on the selection bar's colour (cyan background): the selected row. */
  highlighted(): string[];
  /** Polls until the screen matches, or fails with the screen in the message. */
  waitFor(what: string | RegExp | ((text: string) => boolean), timeoutMs?: number): Promise<string>;
  tick(): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  /** A click (left button) or the wheel at a 0-based cell. */
  mouse(kind: 'click' | 'wheelup' | 'wheeldown', x: number, y: number): Promise<void>;
  quit(): Promise<number>;
}

export function tuiOptions(procRoot: string, change: Partial<TuiOptions> = {}): TuiOptions {
  return {
    procRoot, delayMs: 2000, exact: true, maxStalenessMs: 10_000,
    columns: parseColumnList(PROCESS_COLUMNS, DEFAULT_PROCESS_COLUMN_IDS.join(',')),
    sortColumn: findColumn(PROCESS_COLUMNS, 'pss')!, reverse: false, pids: [], filterText: '',
    kernel: false, mouse: true, color: true, ...change,
  };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Starts the UI, runs `body` on it and quits it however `body` ends; when `body` succeeded, the
 * UI must also have exited with status 0. The options and terminal size are startHarness's.
 */
export async function withHarness<T>(procRoot: string, body: (h: Harness) => Promise<T>): Promise<T>;
export async function withHarness<T>(procRoot: string, change: Partial<TuiOptions>, body: (h: Harness) => Promise<T>): Promise<T>;
export async function withHarness<T>(procRoot: string, ...rest: [(h: Harness) => Promise<T>] | [Partial<TuiOptions>, (h: Harness) => Promise<T>]): Promise<T> {
  const [change, body] = rest.length === 1 ? [{}, rest[0]] : rest;
  const h = await startHarness(procRoot, change);
  let result: T;
  try {
    result = await body(h);
  } catch (err) {
    await h.quit();
    throw err;
  }
  const code = await h.quit();
  if (code !== 0) throw new Error(`the UI exited with status ${code}`);
  return result;
}

/** `replay`: the UI plays that recording instead (tick() then only waits for the screen). */
export async function startHarness(procRoot: string, change: Partial<TuiOptions> = {}, size = { columns: 120, rows: 40 }, replay?: ReplayController): Promise<Harness> {
  const term = new xterm.Terminal({ cols: size.columns, rows: size.rows, allowProposedApi: true });
  // Widths as terminals of today draw them (emoji two cells), not xterm.js's Unicode 6 default.
  term.loadAddon(new unicode11.Unicode11Addon());
  term.unicode.activeVersion = '11';
  let pending = Promise.resolve();
  const output = new Writable({
    write(chunk, _encoding, done) {
      pending = new Promise<void>((resolve) => term.write(chunk as Buffer, resolve));
      done();
    },
  }) as FakeTty;
  Object.assign(output, { columns: size.columns, rows: size.rows, isTTY: true });
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode(mode: boolean): void; isRaw: boolean };
  Object.assign(input, { isTTY: true, isRaw: false, setRawMode(mode: boolean) { input.isRaw = mode; } });
  const source = new InlineSource(procRoot);
  const exited = replay
    ? runTui(tuiOptions(procRoot, change), { input, output, source: replay.source, attach: (l) => replay.source.start(l), replay })
    : runTui(tuiOptions(procRoot, change), { input, output, source, attach: (l) => source.start(l) });
  const flushed = async () => {
    await settle();
    await pending;
    await new Promise<void>((resolve) => term.write('', resolve));
  };
  const lines = () => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y++) out.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
    return out;
  };
  const harness: Harness = {
    source, term, exited,
    async press(...keys) {
      for (const key of keys) {
        input.write(key);
        await flushed();
      }
    },
    lines,
    text: () => lines().join('\n'),
    cells(y) {
      const line = term.buffer.active.getLine(term.buffer.active.viewportY + y);
      const out: string[] = [];
      for (let x = 0; x < term.cols; x++) {
        const cell = line?.getCell(x);
        out.push(cell === undefined || cell.getWidth() === 0 ? '' : cell.getChars() || ' ');
      }
      return out;
    },
    highlighted() {
      const buffer = term.buffer.active;
      const all = lines();
      // Skip the header and the breadcrumb bar (also cyan): rows start below them.
      return all.filter((_, y) => {
        const cell = buffer.getLine(buffer.viewportY + y)?.getCell(0);
        return y > 5 && cell !== undefined && cell.isBgPalette() && cell.getBgColor() === 6;
      });
    },
    async waitFor(what, timeoutMs = 5000) {
      const test = typeof what === 'function' ? what : typeof what === 'string' ? (t: string) => t.includes(what) : (t: string) => what.test(t);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await flushed();
        const text = lines().join('\n');
        if (test(text)) return text;
        if (Date.now() > deadline) throw new Error(`screen never showed ${String(what)}; it shows:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async tick() {
      if (!replay) source.tick();
      await flushed();
    },
    async resize(columns, rows) {
      term.resize(columns, rows);
      Object.assign(output, { columns, rows });
      output.emit('resize');
      await flushed();
    },
    async mouse(kind, x, y) {
      const button = kind === 'click' ? 0 : kind === 'wheelup' ? 64 : 65;
      input.write(`\x1b[<${button};${x + 1};${y + 1}M`);
      if (kind === 'click') input.write(`\x1b[<${button};${x + 1};${y + 1}m`);
      await flushed();
    },
    async quit() {
      input.write('\x03'); // Ctrl-C quits from anywhere, even from a prompt

      return exited;
    },
  };
  await harness.tick();
  return harness;
}
