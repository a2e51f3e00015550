/**
 * `memtop snapshot` spends nearly all of its time in one sample of every process, and ~15–20 ms
 * before it listing the PIDs and loading its modules. Started here, first thing, the read-ahead
 * thread (read-ahead.ts, ~20–25 ms to start) reads /proc from a few ms into the sample instead of
 * ~20 ms into it (bench/RESULTS.md, sixth session).
 *
 * A plain look at argv, before commander has parsed it: the first word is `snapshot`, no help and
 * no --interval are asked for, and the proc root is what --proc or MEMTOP_PROC say. The sampler takes the run only
 * if it reads that root the way the run planned (Sampler.adoptReadAhead): a wrong guess here costs
 * some CPU on the other core, never a wrong figure.
 */
import { availableParallelism } from 'node:os';
import { isFailure, ProcFs } from '../proc/procfs.js';
import { parseLoadavg } from '../proc/loadavg.js';
import { ReadAhead, THREAD_SOURCE } from '../sampler/read-ahead.js';
import { READ_AHEAD_MIN_PIDS, readAheadPlan } from '../sampler/read-ahead-layout.js';
import { detectDetailFile } from '../sampler/memory-detail.js';
import { procRoot } from './option-values.js';
import { SNAPSHOT_V8_FLAGS } from './snapshot-v8.js';

let early: ReadAhead | null = null;

/** Room for this many PIDs (more is rare: the early run is then dropped, and the sampler starts its own). */
export const EARLY_CAPACITY = 1 << 17;

/**
 * The tasks (threads) the kernel counts, from loadavg: at least as many as processes, so fewer
 * than the read-ahead's minimum means not worth a thread. Unknown (a copy of /proc without it):
 * assumed many.
 */
function tasksAtMost(procfs: ProcFs): number {
  const text = procfs.readSingle('loadavg');
  return isFailure(text) ? Infinity : parseLoadavg(text)?.totalTasks ?? Infinity;
}

/** The value of --proc on a command line ("--proc DIR" or "--proc=DIR"), if any. */
export function procFlagOf(args: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--proc') value = args[++i];
    else if (args[i].startsWith('--proc=')) value = args[i].slice('--proc='.length);
  }
  return value;
}

/** The snapshot's flags that take a value (snapshot-command.ts): the next argument, or the rest of a short cluster, is it. */
const SHORT_WITH_VALUE = new Set(['s', 'c', 'g', 'p', 'u', 'f', 'n', 'i']);
const LONG_WITH_VALUE = new Set(['--sort', '--columns', '--group', '--pid', '--user', '--filter', '--limit', '--proc']);

/** --interval or -i, in any spelling commander takes: `-i 1`, `-i1`, a cluster such as `-ki1`. */
export function asksForInterval(args: readonly string[]): boolean {
  for (let at = 0; at < args.length; at++) {
    const arg = args[at];
    if (arg === '--') return false;
    if (arg === '--interval' || arg.startsWith('--interval=')) return true;
    if (LONG_WITH_VALUE.has(arg)) at++;
    if (!arg.startsWith('-') || arg.startsWith('--')) continue;
    for (let k = 1; k < arg.length; k++) {
      if (arg[k] === 'i') return true;
      if (SHORT_WITH_VALUE.has(arg[k])) {
        if (k === arg.length - 1) at++; // its value is the next argument
        break;
      }
    }
  }
  return false;
}

/** Starts reading ahead when argv asks for a snapshot (see above). */
export function startEarlyReadAhead(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const args = argv.slice(2);
  if (args[0] !== 'snapshot' || args.includes('-h') || args.includes('--help')) return;
  // --interval reads twice on one thread: see snapshot-report.ts.
  if (asksForInterval(args)) return;
  if (availableParallelism() < 2) return;
  let run: ReadAhead | null = null;
  try {
    const procfs = new ProcFs(procRoot(procFlagOf(args), env));
    if (tasksAtMost(procfs) < READ_AHEAD_MIN_PIDS) return;
    // The thread first, then the listing: its start-up overlaps the kernel's walk of every task.
    // It sets the snapshot's V8 flags once it runs (snapshot-v8.ts).
    run = ReadAhead.spawn(procfs.root, EARLY_CAPACITY, THREAD_SOURCE, SNAPSHOT_V8_FLAGS);
    const pids = procfs.listPids();
    if (pids.length < READ_AHEAD_MIN_PIDS || pids.length > EARLY_CAPACITY) {
      // Dropped: the command's action sets the snapshot's flags (snapshot-v8.ts), not this thread.
      run.finish(false);
      return;
    }
    run.publish(pids, readAheadPlan(procfs, true, detectDetailFile(procfs, pids)));
    early = run;
  } catch {
    // No such root, or no thread to be had: the command reads without one, and says what is wrong.
    run?.finish(false);
  }
}

/** True while a run started above waits for the sampler to take it. */
export function earlyReadAheadStarted(): boolean {
  return early !== null;
}

/** The run started above, once. */
export function takeEarlyReadAhead(): ReadAhead | null {
  const run = early;
  early = null;
  return run;
}
