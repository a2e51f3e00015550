/**
 * The messages between the UI thread and the sampler worker (sampler-worker.ts). The UI says
 * what to read; the worker pushes samples and, while a Mappings view is open, that process's
 * smaps.
 */
import type { MappingsReading, ProcessIdentity } from '../sample.js';
import type { ReadNeeds } from '../read-needs.js';
import type { SampleDelta } from './sample-delta.js';

/** What the worker reads and how often. */
export interface SamplingConfig {
  /** What to read per process (read-needs.ts): the shown columns' and views' needs. */
  needs: ReadNeeds;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;
  /** No sampling while paused. */
  paused: boolean;
  /** The process whose /proc/PID/smaps is read every tick (its Mappings view is open). */
  mappingsOf: ProcessIdentity | null;
}

export interface WorkerInput {
  procRoot: string;
  config: SamplingConfig;
  /** When the first tick runs (0: at once; one interval when the first sample was taken elsewhere). */
  firstTickDelayMs: number;
}

export type ToWorker =
  | { type: 'config'; config: SamplingConfig }
  /** Take a sample now (after a resume, or when a newly shown column needs new figures). */
  | { type: 'now' };

export type FromWorker =
  | { type: 'ready'; pageSizeBytes: number }
  /** A sample, as a delta against the previous one (sample-delta.ts). */
  | { type: 'sample'; delta: SampleDelta }
  | { type: 'mappings'; target: ProcessIdentity; reading: MappingsReading; readAtMs: number }
  | { type: 'error'; message: string; stack: string };
