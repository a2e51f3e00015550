/** Messages between the parallel sampler and its helper thread (share-thread.ts). */
import type { SystemSample } from './sample.js';
import type { ProcessesPart } from './sampler.js';

export interface ShareThreadInput {
  procRoot: string;
  /** Run-time V8 flags of the creating thread, set again by the helper (v8-flags.ts). */
  v8Flags: string[];
}

export interface ShareRequest {
  id: number;
  pids: number[];
  system: SystemSample;
  readDetail: boolean;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;
}

export type ShareReply =
  | { id: number; ok: true; part: ProcessesPart }
  | { id: number; ok: false; message: string };
