/**
 * One exact sample read on two threads: the main thread and a sampler worker (split-worker.ts)
 * claim chunks of the listed PIDs from a shared cursor until none is left, so the kernel's page
 * walks behind smaps_rollup run on two cores at once. The parts are merged in PID-list order into
 * the Sample one thread would have taken. Should the worker fail to start or die before it
 * reports, the main thread reads the chunks it did not read itself: same figures, one thread.
 */
import { Worker } from 'node:worker_threads';
import type { Sampler, ProcessesPart } from './sampler.js';
import type { Sample } from './sample.js';
import { mergeParts } from './merge-parts.js';
import { CHUNK_PIDS, chunkOf, type SplitDone, type SplitInput, type SplitWork } from './split-protocol.js';

export interface SplitOptions {
  /** The worker's entry (tests pass one that fails); default split-worker.js beside this file. */
  workerUrl?: URL;
  /** PIDs per claim (default CHUNK_PIDS). */
  chunkPids?: number;
  /** The most chunks this thread claims before it waits for the worker (tests: to make it read). */
  mainChunksMax?: number;
}

export interface SplitResult {
  sample: Sample;
  /** Chunks of the PID list read by each thread (the main one's include those a failed worker left). */
  mainChunks: number;
  workerChunks: number;
}

/** The worker's parts by chunk, or null if it failed to start, died or reported an error. */
function workerParts(worker: Worker | null): Promise<Map<number, ProcessesPart> | null> {
  if (worker === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    worker.once('message', (done: SplitDone) => resolve(done.type === 'done' ? new Map(done.parts) : null));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

function startWorker(sampler: Sampler, cursor: Int32Array, url: URL): Worker | null {
  const input: SplitInput = { procRoot: sampler.procfs.root, needs: sampler.needs, cursor };
  try {
    return new Worker(url, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  } catch {
    return null;
  }
}

/** An exact one-shot sample (the sampler in exact mode, on its first tick) read on two threads. */
export async function splitSample(sampler: Sampler, options: SplitOptions = {}): Promise<SplitResult> {
  const chunkPids = options.chunkPids ?? CHUNK_PIDS;
  const mainChunksMax = options.mainChunksMax ?? Infinity;
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  // Started first: the worker loads its code while this thread reads the system files and lists /proc.
  const worker = startWorker(sampler, cursor, options.workerUrl ?? new URL('./split-worker.js', import.meta.url));
  try {
    return await readOnTwo(sampler, worker, cursor, chunkPids, mainChunksMax);
  } finally {
    void worker?.terminate();
  }
}

async function readOnTwo(sampler: Sampler, worker: Worker | null, cursor: Int32Array, chunkPids: number, mainChunksMax: number): Promise<SplitResult> {
  const reply = workerParts(worker);
  const start = sampler.startTick();
  const chunks = Math.ceil(start.pids.length / chunkPids);
  const work: SplitWork = { pids: start.pids, system: start.system, nowMs: start.nowMs, detailFile: start.detailFile, chunkPids, chunks };
  worker?.postMessage(work);
  const parts = new Map<number, ProcessesPart>();
  while (parts.size < mainChunksMax) {
    const i = Atomics.add(cursor, 0, 1);
    if (i >= chunks) break;
    parts.set(i, sampler.readPart(chunkOf(start.pids, i, chunkPids), start.system, start.nowMs));
  }
  // Every chunk read here: the worker claimed none (the cursor is past the end) and is not waited for.
  const theirs = parts.size === chunks ? new Map<number, ProcessesPart>() : await reply;
  let workerChunks = 0;
  for (let i = 0; i < chunks; i++) {
    if (parts.has(i)) continue;
    const part = theirs?.get(i);
    if (part !== undefined) workerChunks++;
    parts.set(i, part ?? sampler.readPart(chunkOf(start.pids, i, chunkPids), start.system, start.nowMs));
  }
  const ordered = Array.from({ length: chunks }, (_, i) => parts.get(i)!);
  return { sample: sampler.finishTick(start, mergeParts(ordered)), mainChunks: chunks - workerChunks, workerChunks };
}
