/**
 * leakhog.c, compiled with gcc into a temporary directory at test time, and started as live
 * processes for the growth and leak tests. Each dies with the test process (PR_SET_PDEATHSIG);
 * stop() kills it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { compiledHelper } from './compile-helper.js';

function leakhogBinary(): string {
  return compiledHelper('leakhog');
}

export interface LeakHog {
  pid: number;
  stop(): void;
}

/** Starts `leakhog ARGS...` and resolves once it printed "ready PID" (within 30 s). */
export function startLeakhog(args: readonly string[]): Promise<LeakHog> {
  const child = spawn(leakhogBinary(), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => { child.kill('SIGKILL'); };
  process.on('exit', stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error(`leakhog ${args.join(' ')}: not ready after 30 s`)); }, 30_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`leakhog ${args.join(' ')} exited (${code ?? signal})`)); });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^ready (\d+)\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ pid: Number(m[1]), stop });
    });
  });
}

/** The four shapes of the acceptance: a 1 MiB/s leak, idle, sawtooth (20 MiB every 5 s), one-time growth. */
export async function startLeakShapes(): Promise<{ leak: LeakHog; idle: LeakHog; sawtooth: LeakHog; once: LeakHog; stop(): void }> {
  const [leak, idle, sawtooth, once] = await Promise.all([
    startLeakhog(['leak', '1024']), startLeakhog(['idle', '32']), startLeakhog(['sawtooth', '20', '5']), startLeakhog(['once', '50', '8']),
  ]);
  return { leak, idle, sawtooth, once, stop: () => { for (const h of [leak, idle, sawtooth, once]) h.stop(); } };
}
