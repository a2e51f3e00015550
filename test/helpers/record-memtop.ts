/** `memtop record` as a child process, for the end-to-end tests: started, waited for, signalled. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, constants } from 'node:zlib';
import { memtopBin } from './paths.js';

export interface RunningRecorder {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) and stderr once it has ended. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startRecorder(args: readonly string[]): RunningRecorder {
  const child = spawn(process.execPath, [memtopBin, 'record', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEMTOP_PROC: '', MEMTOP_DEBUG: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout!.resume();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, ended };
}

/** The whole lines of a recording file so far (plain, or a gzip stream read as far as it goes). */
export function recordedLines(path: string): string[] {
  if (!existsSync(path)) return [];
  const data = readFileSync(path);
  const text = path.endsWith('.gz') ? (data.length === 0 ? '' : gunzipSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString()) : data.toString();
  return text.split('\n').slice(0, -1);
}

/** Waits (up to `timeoutMs`) until the file holds at least `count` samples (keyframes and deltas). */
export async function untilSamples(path: string, count: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const samples = () => recordedLines(path).filter((l) => /^\{"type":"(keyframe|delta)"/.test(l)).length;
  while (samples() < count) {
    if (Date.now() > deadline) throw new Error(`${path}: fewer than ${count} samples after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
