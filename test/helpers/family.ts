/**
 * Helper families for the aggregate views' tests: a memhog parent with memhog children (a shell
 * starts the children and execs the parent, so they are its children), and N copies of one
 * helper. Private figures are read from the real /proc by the test, not by memtop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { memhogBinary } from './live-helpers.js';

export interface Family {
  parent: number;
  children: number[];
  all: number[];
  stop(): void;
}

/** `memhog MODE ARG` as the parent, one `memhog MODE ARG` child per childArg; resolves when all are ready. */
export function startFamily(mode: string, parentArg: string, childArgs: readonly string[]): Promise<Family> {
  const bin = memhogBinary();
  const script = [...childArgs.map((_, i) => `"$0" "$1" "$${i + 3}" &`), 'exec "$0" "$1" "$2"'].join(' ');
  const shell: ChildProcess = spawn('sh', ['-c', script, bin, mode, parentArg, ...childArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { shell.kill('SIGKILL'); reject(new Error(`family not ready: ${out}`)); }, 30_000);
    shell.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const pids = [...out.matchAll(/^ready (\d+)/gm)].map((m) => Number(m[1]));
      if (pids.length < childArgs.length + 1) return;
      clearTimeout(timer);
      const parent = shell.pid!;
      const children = pids.filter((pid) => pid !== parent);
      const all = [parent, ...children];
      resolve({
        parent, children, all,
        stop: () => { for (const pid of all) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } },
      });
    });
  });
}

/** Pss, and Private_Clean + Private_Dirty (USS), from /proc/PID/smaps_rollup, in bytes. */
export function rollupBytes(pid: number): { pssBytes: number; ussBytes: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)![1]) * 1024;
  return { pssBytes: kb('Pss'), ussBytes: kb('Private_Clean') + kb('Private_Dirty') };
}
