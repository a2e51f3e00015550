/**
 * The JSON of `memtop snapshot --json`, its fields named by the process columns' `json` entries,
 * in table order. Sizes are bytes; an unknown value is null (never 0);
 * `denied` lists the files the kernel refused. Strings are kept exactly as the kernel gave them
 * (JSON escapes control characters itself).
 */
import { hiddenProcesses } from './hidden-processes.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { freeSummary } from './free-summary.js';
import { freeJson, type FreeJson } from './system-json.js';
import type { ProcessAggregate } from './process-aggregate.js';
import type { Column, ColumnContext } from './column.js';
import { AGGREGATED_PROCESS_COLUMNS, PROCESS_COLUMNS } from './process-columns.js';
import type { GroupBy } from './group-processes.js';

/**
 * A process: its columns' JSON fields in table order, then kernelThread, denied, invalid
 * (impossible figures or garbled files, "stat vsize", "status": what they give is null), and
 * cmdlineTruncated: true when cut.
 */
export type ProcessJson = Record<string, unknown> & { kernelThread: boolean; denied: string[]; invalid: string[] };

export interface SnapshotSystemJson {
  free: FreeJson;
  loadavg: { load1: number; load5: number; load15: number } | null;
  uptimeSeconds: number | null;
  /** Where PSS/USS came from: "smaps_rollup", "smaps" (kernels before 4.14) or "off". */
  detailSource: string;
  /** Processes in the sample, before any selection. */
  processCount: number;
  /** Processes listed but not in the sample because their stat was refused (hidepid): hidden from this user. */
  hiddenCount: number;
  refusedPids: number[];
  /** Processes listed whose stat was not a whole stat line: left out. */
  garbledPids: number[];
  /** The proc root's hidepid mount option ("noaccess", "invisible", "ptraceable"), or null. */
  hidepid: string | null;
  /** Under hidepid: loadavg's task count less the threads of the processes shown (see hidden-processes.ts); else null. */
  hiddenTasks: number | null;
}

/**
 * A group or the totals: its name ("program" or "user"; the totals row has "label"), the count,
 * the aggregating columns' figures by their JSON names, and per figure how many members were unknown.
 */
export type AggregateJson = Record<string, unknown> & { count: number; unknown: Record<string, number> };

export interface SnapshotJson {
  /** ISO 8601 time of the (last) sample. */
  time: string;
  system: SnapshotSystemJson;
  processes?: ProcessJson[];
  groupBy?: GroupBy;
  groups?: AggregateJson[];
  totals?: AggregateJson;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A column's JSON value: sizes in bytes, percentages to two decimals, unknown as null. */
function jsonValue(column: Column<any>, value: unknown): unknown {
  return column.kind === 'percent' && typeof value === 'number' ? round2(value) : value;
}

/** The process columns JSON carries (the groups' and the tree's figures are among them). */
export const PROCESS_JSON_COLUMNS = PROCESS_COLUMNS.filter((c) => c.json !== undefined);
const AGGREGATE_JSON_COLUMNS = AGGREGATED_PROCESS_COLUMNS.filter((c) => c.json !== undefined);

export function processJson(p: ProcessSample, context: ColumnContext): ProcessJson {
  const out: Record<string, unknown> = {};
  for (const column of PROCESS_JSON_COLUMNS) {
    const json = column.json!;
    out[json.name] = jsonValue(column, json.value ? json.value(p) : column.value(p, context));
  }
  out.kernelThread = p.kernelThread;
  out.denied = p.denied;
  out.invalid = p.invalid ?? [];
  if (p.cmdlineTruncated) out.cmdlineTruncated = true;
  return out as ProcessJson;
}

/** `keyName` is "program", "user", "cgroup", or "label" for the totals. */
export function aggregateJson(agg: ProcessAggregate, keyName: 'program' | 'user' | 'cgroup' | 'label'): AggregateJson {
  const out: Record<string, unknown> = { [keyName]: agg.key, count: agg.count };
  const unknown: Record<string, number> = {};
  for (const column of AGGREGATE_JSON_COLUMNS) {
    const name = column.json!.name;
    out[name] = jsonValue(column, agg.sums[column.id]);
    if (agg.unknown[column.id] > 0) unknown[name] = agg.unknown[column.id];
  }
  out.unknown = unknown;
  return out as AggregateJson;
}

export function snapshotSystemJson(sample: Sample): SnapshotSystemJson {
  const { loadavg, uptime } = sample.system;
  const hidden = hiddenProcesses(sample);
  return {
    free: freeJson(freeSummary(sample.system.meminfo)),
    loadavg: loadavg === null ? null : { load1: loadavg.load1, load5: loadavg.load5, load15: loadavg.load15 },
    uptimeSeconds: uptime === null ? null : uptime.uptimeSeconds,
    detailSource: sample.detailSource,
    processCount: sample.processes.length,
    hiddenCount: hidden.refusedPids.length,
    refusedPids: hidden.refusedPids,
    garbledPids: hidden.garbledPids,
    hidepid: hidden.hidepid,
    hiddenTasks: hidden.hiddenTasks,
  };
}

export function snapshotTime(sample: Sample): string {
  return new Date(sample.timeMs).toISOString();
}
