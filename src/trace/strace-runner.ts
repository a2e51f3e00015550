/**
 * The only place strace runs. It is started through `setpriv --pdeathsig SIGTERM` (util-linux)
 * where that exists, so that if memtop dies without a word (SIGKILL, a crash) the kernel sends
 * strace SIGTERM, on which strace detaches from every task it traces and exits: the target runs on,
 * untraced. memtop's own ways of ending send SIGINT, with the same effect, and wait for strace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of `name` on $PATH, or null. */
export function findOnPath(name: string, pathVariable = process.env.PATH ?? '/usr/bin:/bin'): string | null {
  for (const dir of pathVariable.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface StraceBuild {
  path: string;
  /** Built with libunwind or libdw: `-k` prints stacks. */
  stackTraces: boolean;
}

/** strace's path and whether it can print stacks (its `-V` lists `stack-trace=...`), or null when missing. */
export function findStrace(): StraceBuild | null {
  const path = findOnPath('strace');
  if (path === null) return null;
  const version = spawnSync(path, ['-V'], { encoding: 'utf8', timeout: 5000 });
  return { path, stackTraces: /stack-trace=/.test(version.stdout ?? '') };
}

/**
 * strace in a process group of its own: the terminal's Ctrl-C and Ctrl-Z (and the UI's suspend,
 * which stops its whole group) reach memtop only, which detaches strace itself; a stopped strace
 * would hold the target at its next memory syscall.
 */
const SPAWN_OPTIONS = { stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[], detached: true };

/** strace's (and setpriv's) own messages: "strace: ...", or "/usr/bin/strace: ..." when run by its path. */
const OWN_MESSAGE = /^(?:\S*\/)?(strace|setpriv): /;

export interface StraceProcess {
  readonly pid: number;
  /** Resolves once strace has exited, with its exit code or signal, and its own messages (`strace: ...` lines). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Asks strace to detach and end (SIGINT), once. */
  detach(): void;
}

export function straceArguments(pid: number, stackTraces: boolean): string[] {
  // The trace and strace's own messages ("strace: ...") both on stderr: Node's pipes are sockets,
  // which `-o /dev/stdout` cannot open. -qq: no attach/exit notes; no signal lines.
  return ['-f', '-qq', '-e', 'trace=memory', '-e', 'signal=none', ...(stackTraces ? ['-k'] : []), '-p', String(pid)];
}

export function spawnStrace(build: StraceBuild, pid: number, onOutput: (text: string) => void): StraceProcess {
  const setpriv = findOnPath('setpriv');
  const args = straceArguments(pid, build.stackTraces);
  const child: ChildProcess = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'SIGTERM', '--', build.path, ...args], SPAWN_OPTIONS)
    : spawn(build.path, args, SPAWN_OPTIONS);
  let stderr = '';
  let tail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    onOutput(text);
    // Only strace's own messages are kept; trace lines (nearly all of the text) pass by.
    if (tail === '' && !text.includes('strace: ') && !text.includes('setpriv: ')) {
      tail = text.slice(text.lastIndexOf('\n') + 1);
      return;
    }
    const lines = (tail + text).split('\n');
    tail = lines.pop()!;
    for (const line of lines) if (OWN_MESSAGE.test(line)) stderr += `${line.replace(OWN_MESSAGE, '$1: ')}\n`;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let stderrDone = false;
    const settle = () => { if (status && stderrDone) resolve({ ...status, stderr }); };
    child.on('error', (err) => { stderr += `strace: ${err.message}\n`; status = { code: null, signal: null }; stderrDone = true; settle(); });
    child.stderr!.on('close', () => {
      // strace may end its last message without a newline.
      if (OWN_MESSAGE.test(tail)) stderr += `${tail.replace(OWN_MESSAGE, '$1: ')}\n`;
      stderrDone = true;
      settle();
    });
    child.on('exit', (code, signal) => { status = { code, signal }; settle(); });
  });
  // Without setpriv: memtop leaving normally still ends strace (a crash cannot be covered then).
  const onExit = () => child.kill('SIGTERM');
  if (!setpriv) process.on('exit', onExit);
  void exited.then(() => process.removeListener('exit', onExit));
  let detached = false;
  return {
    pid: child.pid ?? -1,
    exited,
    detach: () => {
      if (detached || child.exitCode !== null || child.signalCode !== null) return;
      detached = true;
      child.kill('SIGINT');
    },
  };
}
