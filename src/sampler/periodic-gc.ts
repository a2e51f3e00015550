/**
 * A full garbage collection at most once per interval, run after a sample has been handled.
 *
 * memtop keeps a few thousand small records alive and replaces a hundred of them a tick. V8
 * promotes the replaced ones to its old generation and, on a machine with lots of RAM, sets the
 * first full collection's threshold high, so the heap (and RSS) climbs for minutes before it is
 * collected. A full collection of this small heap is cheap; once per interval keeps the RSS flat
 * (bench/RESULTS.md). Each thread (the UI and the sampler worker) runs its own. gc() is exposed
 * with --expose-gc set at run time, as Node's v8.setFlagsFromString documentation shows.
 *
 * The young generation is kept at its first size (--semi-space-growth-factor=1, for every thread
 * of the process): V8 would grow it to 16 MiB a semi-space under memtop's steady allocation, and
 * all of it stays resident, while little of what a tick allocates lives on. The figures are in
 * bench/RESULTS.md (history section); an unknown flag would only leave the default growth.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const FULL_GC_EVERY_MS = 20_000;

export function periodicFullGc(intervalMs = FULL_GC_EVERY_MS, nowMs: () => number = () => performance.now()): () => boolean {
  // gc() is exposed only to contexts made after the flag is set: one is made here for it.
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--semi-space-growth-factor=1');
  const gc = runInNewContext('gc') as () => void;
  let lastMs = nowMs();
  return () => {
    const now = nowMs();
    if (now - lastMs < intervalMs) return false;
    lastMs = now;
    gc();
    return true;
  };
}
