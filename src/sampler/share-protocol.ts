/** Messages between the parallel sampler and its helper thread (share-thread.ts). */
import type { SystemSample } from './sample.js';
import type { ProcessesPart } from './sampler.js';

export interface ShareThreadInput {
  procRoot: string;
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
