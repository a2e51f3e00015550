/**
 * A storm of short-lived processes at a steady rate: each is `sleep` (named "churnling" in its
 * command line) living 10 ms to 0.4 s, so at any moment some are starting, some running and
 * some exiting. Spawning is asynchronous and catches up to the rate every tick.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const LIVES_S = ['0.01', '0.03', '0.06', '0.1', '0.4'];
const TICK_MS = 50;

export interface ChurnStorm {
  /** Processes started so far. */
  started(): number;
  /** Spawns that failed (fork/exec errors), with the first message. */
  failures(): { count: number; first: string | null };
  /** Stops spawning and waits until every started process has exited. */
  stop(): Promise<void>;
}

export function startChurnStorm(perSecond: number): ChurnStorm {
  const begin = performance.now();
  const live = new Set<ChildProcess>();
  let started = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - begin) / 1000) * perSecond);
    while (started < due) {
      const child = spawn('sleep', [LIVES_S[started % LIVES_S.length]], { argv0: 'churnling', stdio: 'ignore' });
      started++;
      live.add(child);
      child.once('error', (error) => {
        failed++;
        firstFailure ??= error.message;
        live.delete(child);
      });
      child.once('exit', () => live.delete(child));
    }
  }, TICK_MS);
  return {
    started: () => started,
    failures: () => ({ count: failed, first: firstFailure }),
    async stop() {
      clearInterval(timer);
      while (live.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
