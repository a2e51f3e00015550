/** Runs the built memtop (dist/bin/memtop.js, the bundle npm links as `memtop`) as a child process, as a user would. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { memtopBin } from './paths.js';

export interface MemtopRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Generous: the machine running the tests may be loaded. */
const TIMEOUT_MS = 120_000;

export function runMemtop(args: readonly string[], options: SpawnSyncOptions = {}): MemtopRun {
  const result = spawnSync(process.execPath, [memtopBin, ...args], {
    encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, ...options,
    env: { ...process.env, MEMTOP_PROC: '', MEMTOP_DEBUG: '', ...options.env },
  });
  return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Runs memtop, expects exit 0, and parses its JSON output. */
export function memtopJson<T>(args: readonly string[], options: SpawnSyncOptions = {}): T {
  const run = runMemtop(args, options);
  if (run.status !== 0) throw new Error(`memtop ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
