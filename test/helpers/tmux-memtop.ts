/** The built memtop binary and helper processes with recognisable names, for the tmux tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Tmux } from './tmux.js';

export const MEMTOP = fileURLToPath(new URL('../../bin/memtop.js', import.meta.url));

/**
 * argv for the pane: memtop under a given TERM, in a shell that reports its exit status and then
 * keeps the pane open, so the terminal modes memtop leaves behind can be inspected (a dead pane
 * is redrawn by tmux itself).
 */
export function memtopCommand(args: string[] = [], term = 'xterm-256color'): string[] {
  const script = 'TERM="$1"; export TERM; shift; "$@"; echo "memtop exited with status $?"; exec sleep 600';
  return ['sh', '-c', script, 'sh', term, process.execPath, MEMTOP, ...args];
}

/** The exit status memtop reported in the pane. */
export async function memtopExit(tmux: Tmux): Promise<number> {
  const screen = await tmux.waitFor(/memtop exited with status \d+/);
  return Number(/memtop exited with status (\d+)/.exec(screen)![1]);
}

/** memtop's PID: the child of the pane's shell. */
export function memtopPid(tmux: Tmux): number {
  const shell = tmux.info('#{pane_pid}');
  const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  if (children.length !== 1) throw new Error(`expected memtop as the only child of the pane's shell, found ${children.join(',') || 'none'}`);
  return Number(children[0]);
}

/**
 * A Node process that renames itself (process.title sets both its command line and, cut to 15
 * bytes, its comm) and idles. Resolves once /proc shows the new name.
 */
export async function startNamedHelper(title: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `process.title = ${JSON.stringify(title)}; setInterval(() => {}, 1000); // ${'x'.repeat(200)}`], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if (readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').startsWith(title)) return child;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`helper ${JSON.stringify(title)} never showed its name`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
