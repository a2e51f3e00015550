/**
 * `memtop snapshot` turns V8's optimizing compiler (TurboFan) off for the rest of its run. The
 * run calls each of its hot functions a few thousand times and is done, its time mostly the
 * kernel's: TurboFan compiles those functions on background threads, which on a machine with few
 * cores take CPU from the two threads reading /proc, and the optimized code arrives when the
 * sample is nearly over. Measured on 2 cores (paired, interleaved runs; bench/RESULTS.md):
 * `memtop snapshot --json` 6–11 ms faster at 3,000 processes, and not slower at 10,000. Ignition
 * and Sparkplug still run the code.
 *
 * Not `memtop maps`: parsing a large smaps is JavaScript's work, not the kernel's, and TurboFan
 * pays for itself there (a process with 30,000 mappings: 0.80 s with it, 1.32 s without). Nor the
 * interactive UI, whose sampler runs every second for hours.
 *
 * Set when the command's action starts (commander has parsed the command line by then), unless
 * the early read-ahead thread (early-read-ahead.ts) is starting: a flag that changes V8's flag
 * hash, set before or while a thread starts, makes that thread compile Node's built-in modules
 * from source (measured: a thread ready ~45 ms after `new Worker()` instead of ~22). That thread
 * sets it itself once it runs (ReadAhead.spawn's v8FlagsOnceUp: V8's flags are the process's),
 * or, if it never got that far (a small sample, done first), ReadAhead.finish() sets it here.
 */
import { setV8Flag } from '../sampler/v8-flags.js';

/** What `memtop snapshot` runs with. */
export const SNAPSHOT_V8_FLAGS: readonly string[] = ['--no-opt'];

/** In the command's action: sets the flags now, unless a thread that is starting sets them. */
export function withoutOptimizingCompiler(aThreadSetsThem: boolean): void {
  if (!aThreadSetsThem) for (const flag of SNAPSHOT_V8_FLAGS) setV8Flag(flag);
}
