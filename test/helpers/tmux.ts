/**
 * A real terminal for end-to-end tests: a tmux server on a private socket with one fixed-size
 * pane running a command (no shell in between, so the pane's PID is the command's). The screen
 * is read with capture-pane and polled until it shows what is expected; kill() ends the server
 * and everything in it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface TmuxOptions {
  columns?: number;
  rows?: number;
  /** Extra environment for the command (TERM, ...). */
  env?: Record<string, string>;
}

export class Tmux {
  /** Named with the test run's prefix when there is one (scripts/run-tests.mjs ends what is left of its servers). */
  readonly socket = `${process.env.MEMTOP_TEST_TMUX_PREFIX ?? 'memtop-test-'}${randomBytes(6).toString('hex')}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'memtop-tmux-'));

  /** Starts the server and the command; the pane stays after the command exits (remain-on-exit). */
  constructor(command: string[], options: TmuxOptions = {}) {
    const config = join(this.dir, 'tmux.conf');
    writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\nset -g default-terminal tmux-256color\nset -g history-limit 0\n');
    // memtop's saved setup goes to this server's own directory: a test's sort or columns never
    // reach the next test, nor the user's ~/.config.
    const env = Object.entries({ NCURSES_NO_UTF8_ACS: '1', XDG_CONFIG_HOME: join(this.dir, 'config'), ...options.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.tmux(['-f', config, 'new-session', '-d', '-s', 'e2e', '-x', String(options.columns ?? 160), '-y', String(options.rows ?? 48),
      ...env, ...command]);
  }

  tmux(args: string[]): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, ...args], {
      encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TMUX: '' }, timeout: 10_000,
    });
  }

  capture(): string {
    return this.tmux(['capture-pane', '-p', '-t', 'e2e']);
  }

  /** Keys in tmux's names ("F2", "Enter", "BSpace", "q"); -l sends text literally. */
  send(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'e2e', ...keys]);
  }

  type(text: string): void {
    this.tmux(['send-keys', '-t', 'e2e', '-l', text]);
  }

  /** A pane format such as "#{pane_title}" or "#{alternate_on}". */
  info(format: string): string {
    return this.tmux(['display-message', '-p', '-t', 'e2e', format]).trim();
  }

  /**
   * Polls a pane format until it has the expected value (tmux may still be reading the pane's
   * last output when it notices that the command has exited); returns the last value seen.
   */
  async waitForInfo(format: string, expected: string, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = this.info(format);
      if (value === expected || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows)]);
  }

  /** Polls the screen until `test` passes; fails with the screen in the message. */
  waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const test = typeof what === 'function' ? what : typeof what === 'string' ? (s: string) => s.includes(what) : (s: string) => what.test(s);
    return this.pollScreen(test, () => String(what), timeoutMs);
  }

  /**
   * Waits for one screen that shows every part at once (a capture can fall between the pieces of
   * a frame as the terminal receives them); the error names the parts the last screen lacked.
   */
  waitForAll(parts: readonly RegExp[], timeoutMs = 15_000): Promise<string> {
    const missing = (screen: string) => parts.filter((part) => !part.test(screen));
    return this.pollScreen((screen) => missing(screen).length === 0,
      (screen) => `${missing(screen).map(String).join(' and ')} with the rest`, timeoutMs);
  }

  /** Captures the screen every 50 ms until `test` passes; the error says what never showed, and the screen. */
  private async pollScreen(test: (screen: string) => boolean, never: (screen: string) => string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the pane never showed ${never(screen)}; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for the command to exit; its exit status. */
  async exitStatus(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.info('#{pane_dead}') !== '1') {
      if (Date.now() > deadline) throw new Error(`the command did not exit; the pane shows:\n${this.capture()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Number(this.info('#{pane_dead_status}'));
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
