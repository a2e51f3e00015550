/**
 * The JSON shapes of memtop's reports, as the end-to-end tests read them. The snapshot's process
 * and aggregate fields are derived from the column table at run time, so their static types
 * here name the fields the tests read; that the output really has these fields, and no others,
 * is checked at run time by cli-json-schema.test.ts.
 */
import type { SnapshotJson as ModelSnapshotJson } from '../../src/model/snapshot-json.js';
export type { MappingJson, MappingsJson as MapsJson } from '../../src/model/mappings-json.js';
export type { SystemJson } from '../../src/model/system-json.js';

interface SizesJson {
  vss: number | null;
  rss: number | null;
  shr: number | null;
  pss: number | null;
  uss: number | null;
  swap: number | null;
  swapPss: number | null;
}

export interface ProcessJson extends SizesJson {
  pid: number;
  ppid: number;
  uid: number | null;
  user: string;
  comm: string;
  cmdline: string;
  state: string;
  threads: number;
  cpu: number | null;
  kernelThread: boolean;
  denied: string[];
  invalid: string[];
}

export interface AggregateJson extends SizesJson {
  program?: string;
  user?: string;
  label?: string;
  count: number;
  threads: number | null;
  cpu: number | null;
  unknown: Partial<Record<string, number>>;
}

export interface SnapshotJson extends Omit<ModelSnapshotJson, 'processes' | 'groups' | 'totals'> {
  processes?: ProcessJson[];
  groups?: AggregateJson[];
  totals?: AggregateJson;
}
