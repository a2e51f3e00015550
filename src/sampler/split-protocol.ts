/** The messages between split-sample.ts and its worker (split-worker.ts). */
import type { DetailFile } from './memory-detail.js';
import type { ReadNeeds } from './read-needs.js';
import type { ProcessesPart } from './sampler.js';
import type { SystemSample } from './sample.js';

/** PIDs per claim: small enough that the two threads end close together. */
export const CHUNK_PIDS = 24;

/** Chunk `i` of the PID list. */
export function chunkOf(pids: readonly number[], i: number, chunkPids: number): readonly number[] {
  return pids.slice(i * chunkPids, (i + 1) * chunkPids);
}

export interface SplitInput {
  procRoot: string;
  needs: ReadNeeds;
  /** The next chunk to claim (Atomics.add), shared by both threads. */
  cursor: Int32Array;
}

/** The tick the worker helps read: the same system sample, time and detail file as the main thread's. */
export interface SplitWork {
  pids: readonly number[];
  system: SystemSample;
  nowMs: number;
  detailFile: DetailFile;
  chunkPids: number;
  chunks: number;
}

export type SplitDone =
  /** The chunks the worker read, by index. */
  | { type: 'done'; parts: [number, ProcessesPart][] }
  | { type: 'error'; message: string };
