/**
 * `memtop serve` as a child process for end-to-end tests: started on a free loopback port (it
 * prints the address it took), stopped with SIGTERM, and killed when the test process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { memtopBin } from './paths.js';

export interface ServeRun {
  /** http://127.0.0.1:PORT/metrics */
  metricsUrl: string;
  pid: number;
  stderr(): string;
  /** SIGTERM, then the exit code (null: killed by a signal). */
  stop(): Promise<number | null>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => { for (const child of live) child.kill('SIGKILL'); });

export interface ServeLaunch {
  /** Run through this command first (e.g. setpriv ... to run as another user). */
  prefix?: readonly string[];
  /** Another copy of the built command. */
  bin?: string;
  cwd?: string;
}

export function startServe(args: readonly string[], launch: ServeLaunch = {}): Promise<ServeRun> {
  const argv = [...(launch.prefix ?? []), process.execPath, launch.bin ?? memtopBin, 'serve', '--listen', '127.0.0.1:0', ...args];
  const child = spawn(argv[0], argv.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'], cwd: launch.cwd, env: { ...process.env, MEMTOP_PROC: '', MEMTOP_DEBUG: '' },
  });
  live.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { live.delete(child); resolve(code); }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`memtop serve did not start in 30 s: ${err}`)); }, 30_000);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`memtop serve exited (${code}) before it listened: ${err}`)); });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/\S+\/metrics/.exec(out)?.[0];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({
        metricsUrl: url, pid: child.pid!, stderr: () => err,
        stop: () => { child.kill('SIGTERM'); return exited; },
      });
    });
  });
}

/**
 * Fetches /metrics until it answers 200 (the first sample is being taken), within 30 s. A
 * connection the server closed as idle just as it was reused is tried again, as Prometheus does.
 */
export async function scrape(url: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    let why: string;
    try {
      const response = await fetch(url);
      if (response.status === 200) return await response.text();
      why = `answered ${response.status}`;
    } catch (error) {
      why = `failed: ${(error as Error).message}`;
    }
    if (Date.now() > deadline) throw new Error(`${url} ${why} for 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
