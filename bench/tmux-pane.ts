/** A command in a detached tmux session on a private server, for timing a terminal program. */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POLL_PAUSE_MS = 2;
const pause = new Int32Array(new SharedArrayBuffer(4));

export class TmuxPane {
  readonly socket = `memtop-bench-${randomBytes(4).toString('hex')}`;
  readonly target = 'bench';
  /** memtop's saved setup for this pane alone: a benchmark's keys never change the next run's start. */
  private readonly configHome = mkdtempSync(join(tmpdir(), 'memtop-bench-config-'));

  constructor(command: string[], options: { width?: number; height?: number; env?: Record<string, string> } = {}) {
    const env = Object.entries({ TERM: 'xterm-256color', NCURSES_NO_UTF8_ACS: '1', XDG_CONFIG_HOME: this.configHome, ...options.env }).map(([k, v]) => `${k}=${shellQuote(v)}`);
    this.tmux('new-session', '-d', '-s', this.target, '-x', String(options.width ?? 160), '-y', String(options.height ?? 48),
      `env ${env.join(' ')} ${command.map(shellQuote).join(' ')}`);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  capture(): string {
    return spawnSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-t', this.target], { encoding: 'utf8' }).stdout;
  }

  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...keys);
  }

  /** The PID of the pane's program (the pane command is exec'd by env). */
  pid(): number {
    return Number(this.tmux('display-message', '-p', '-t', this.target, '#{pane_pid}').trim());
  }

  /** Polls the pane until `test` holds; the ms it took, or throws after timeoutMs. */
  waitFor(test: (screen: string) => boolean, timeoutMs = 20_000): number {
    const start = performance.now();
    for (;;) {
      if (test(this.capture())) return performance.now() - start;
      if (performance.now() - start > timeoutMs) throw new Error(`pane never showed what was awaited:\n${this.capture()}`);
      Atomics.wait(pause, 0, 0, POLL_PAUSE_MS); // leave the CPU to the program being measured
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    rmSync(this.configHome, { recursive: true, force: true });
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
