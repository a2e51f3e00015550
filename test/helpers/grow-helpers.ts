/**
 * growhog.c, compiled with gcc into a temporary directory at test time: a process that grows
 * its heap and fills an anonymous region when asked (SIGUSR1), for the per-mapping change
 * tests. It dies with the test process (PR_SET_PDEATHSIG); stop() kills it.
 */
import { spawn } from 'node:child_process';
import { compiledHelper } from './compile-helper.js';

function growhogBinary(): string {
  return compiledHelper('growhog');
}

export interface GrowHog {
  pid: number;
  /** Start addresses (hex, as smaps prints them) of its [heap] and of its anonymous region. */
  heapStart: string;
  regionStart: string;
  /** Sends SIGUSR1 and resolves once it has grown (it printed "grown"). */
  grow(): Promise<void>;
  stop(): void;
}

/** Starts `growhog HEAP_MIB ANON_MIB` and resolves once it is ready (within 30 s). */
export function startGrowhog(heapMib: number, anonMib: number): Promise<GrowHog> {
  const child = spawn(growhogBinary(), [String(heapMib), String(anonMib)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => { child.kill('SIGKILL'); };
  process.on('exit', stop);
  let out = '';
  let onGrown = () => {};
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error('growhog: not ready after 30 s')); }, 30_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`growhog exited (${code ?? signal})`)); });
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\ngrown\n')) onGrown();
      const m = /^ready (\d+) ([0-9a-f]+) ([0-9a-f]+)\n/.exec(out);
      if (!m || ready) return;
      ready = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const pid = Number(m[1]);
      const grown = new Promise<void>((done) => { onGrown = done; });
      resolve({
        pid, heapStart: m[2], regionStart: m[3], stop,
        grow: () => {
          process.kill(pid, 'SIGUSR1');
          return grown;
        },
      });
    });
  });
}
