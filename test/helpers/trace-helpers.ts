/**
 * tracehog (tracehog.c) for the trace tests: compiled once per test process with -g and frame
 * pointers, dynamically linked (strace -k names its functions from the symbols). Every helper
 * dies with the test process (PR_SET_PDEATHSIG) and stop() kills it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

let built: string | undefined;

export function tracehogBinary(): string {
  if (built === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'memtop-tracehog-'));
    built = join(dir, 'tracehog');
    execFileSync('gcc', ['-O1', '-g', '-fno-omit-frame-pointer', '-Wall', '-o', built, join(repoRoot, 'test', 'helpers', 'tracehog.c')], { stdio: 'pipe' });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return built;
}

/** TracerPid of a process, or null once it is gone. */
export function tracerPid(pid: number): number | null {
  try {
    return Number(/^TracerPid:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  } catch {
    return null;
  }
}

/** Resolves once `check()` is true, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Tracehog {
  pid: number;
  child: ChildProcess;
  /** Runs the pattern once (5 mmaps of 1 MiB and 2 munmaps in map_five, 5 brk steps of 64 KiB in grow_heap). */
  runPattern(): Promise<void>;
  /** Still running (not exited, not a zombie) and untraced. */
  runningUntraced(): boolean;
  stop(): void;
}

const live = new Set<ChildProcess>();
process.on('exit', () => { for (const child of live) child.kill('SIGKILL'); });

export function startTracehog(args: string[] = ['pattern']): Promise<Tracehog> {
  const child = spawn(tracehogBinary(), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(child);
  let out = '';
  const waiters: (() => void)[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (text: string) => {
    out += text;
    for (const waiter of waiters.splice(0)) waiter();
  });
  const waitLine = (re: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tracehog: no ${re} in ${JSON.stringify(out)}`)), 20_000);
    const look = () => {
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        out = out.slice(m.index + m[0].length);
        resolve(m);
      } else waiters.push(look);
    };
    look();
  });
  return waitLine(/ready (\d+)\n/).then((m) => {
    const pid = Number(m[1]);
    return {
      pid,
      child,
      runPattern: async () => {
        child.stdin!.write('go\n');
        await waitLine(/done\n/);
      },
      runningUntraced: () => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return child.exitCode === null && !/\) [ZX] /.test(stat) && tracerPid(pid) === 0;
        } catch {
          return false;
        }
      },
      stop: () => {
        live.delete(child);
        child.kill('SIGKILL');
      },
    };
  });
}
