/**
 * Live helper processes for the end-to-end tests: memhog.c, compiled with gcc into a temporary
 * directory at test time. Every helper dies with the test process (PR_SET_PDEATHSIG), and
 * stop() kills it and its forked child explicitly.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

let built: { dir: string; bin: string } | undefined;

/** Builds memhog once per test process; removed when the process exits. */
export function memhogBinary(): string {
  if (built === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'memtop-memhog-'));
    const bin = join(dir, 'memhog');
    const source = join(repoRoot, 'test', 'helpers', 'memhog.c');
    // Static, so that it maps no shared library: its PSS then depends only on itself and its
    // forked child, not on every other process that maps libc (they come and go).
    try {
      execFileSync('gcc', ['-O1', '-Wall', '-pthread', '-static', '-o', bin, source], { stdio: 'pipe' });
    } catch {
      execFileSync('gcc', ['-O1', '-Wall', '-pthread', '-o', bin, source], { stdio: 'pipe' });
    }
    built = { dir, bin };
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return built.bin;
}

export interface Helper {
  /** The helper's PID, and its forked child's for "pair" and "zombie". */
  pids: number[];
  /** The rest of the ready line: the region's start address (hex) for "private", "pair", "shared" and "leaderless". */
  address: string | undefined;
  /** SIGSTOP / SIGCONT every process of the helper, so that nothing moves while it is read. */
  pause(): void;
  resume(): void;
  stop(): void;
}

const live = new Set<Helper>();
process.on('exit', () => {
  for (const helper of live) helper.stop();
});

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Resolves once the process's first thread is a zombie (its stat says Z), within 10 s. */
async function leaderExited(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'))) {
    if (Date.now() > deadline) throw new Error(`memhog leaderless: the leader of ${pid} never exited`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts `memhog ARGS...` and waits (up to 30 s) for its "ready" line (for "leaderless", also for its leader to exit). */
export function startMemhog(args: readonly string[]): Promise<Helper> {
  const child: ChildProcess = spawn(memhogBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`memhog ${args.join(' ')}: ${why}${err ? `: ${err}` : ''}`));
    };
    const timer = setTimeout(() => fail('not ready after 30 s'), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const words = out.slice(0, newline).split(' ');
      const numbers = words.slice(1).filter((w) => /^\d+$/.test(w)).map(Number);
      const mode = args[0];
      const pids = mode === 'pair' || mode === 'zombie' ? numbers.slice(0, 2) : numbers.slice(0, 1);
      const helper: Helper = {
        pids,
        address: mode === 'private' || mode === 'pair' || mode === 'shared' || mode === 'leaderless' ? words[words.length - 1] : undefined,
        pause: () => signalAll(pids, 'SIGSTOP'),
        resume: () => signalAll(pids, 'SIGCONT'),
        stop: () => {
          live.delete(helper);
          signalAll([...pids].reverse(), 'SIGKILL');
          child.kill('SIGKILL');
        },
      };
      live.add(helper);
      // "leaderless" prints its ready line before its leader exits: ready once the leader is a zombie.
      if (mode === 'leaderless') void leaderExited(pids[0]).then(() => resolve(helper), (err: Error) => { helper.stop(); reject(err); });
      else resolve(helper);
    });
  });
}
