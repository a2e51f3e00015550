/**
 * The JSON of `memtop snapshot --json`: plain objects in a fixed field order, so that
 * JSON.stringify writes them in one pass. Sizes are bytes; an unknown value is null (never 0);
 * `denied` lists the files the kernel refused. Strings are kept exactly as the kernel gave them
 * (JSON escapes control characters itself).
 */
import { hiddenProcesses } from './hidden-processes.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { freeSummary } from './free-summary.js';
import { freeJson, type FreeJson } from './system-json.js';
import { unknownCounts, type ProcessAggregate, type SummedField } from './process-aggregate.js';
import type { GroupBy } from './group-processes.js';

/** The memory figures a process, a group and the totals all carry: bytes, or null if unknown. */
export interface SizesJson {
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
  /** Percent of one core: lifetime average, or over --interval; null when stat's CPU time is impossible. */
  cpu: number | null;
  kernelThread: boolean;
  denied: string[];
  /** Impossible figures or garbled files ("stat vsize", "status"): what they give is null. */
  invalid: string[];
}

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

/** A group or the totals: its name, the sums, and per field how many members were unknown. */
export interface AggregateJson extends SizesJson {
  /** The group's name under its own key: "program" or "user"; the totals row has "label". */
  program?: string;
  user?: string;
  label?: string;
  count: number;
  cpu: number | null;
  unknown: Partial<Record<SummedField, number>>;
}

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

export function processJson(p: ProcessSample): ProcessJson {
  return {
    pid: p.pid, ppid: p.ppid, uid: p.uid, user: p.user, comm: p.comm, cmdline: p.cmdline,
    state: p.state, threads: p.threads, vss: p.vssBytes, rss: p.rssBytes, shr: p.shrBytes,
    pss: p.pssBytes, uss: p.ussBytes, swap: p.swapBytes, swapPss: p.swapPssBytes,
    cpu: p.cpuPercent === null ? null : round2(p.cpuPercent), kernelThread: p.kernelThread, denied: p.denied,
    invalid: p.invalid ?? [],
  };
}

/** `keyName` is "program", "user", or "label" for the totals. */
export function aggregateJson(agg: ProcessAggregate, keyName: 'program' | 'user' | 'label'): AggregateJson {
  const s = agg.sums;
  return {
    [keyName]: agg.key, count: agg.count, vss: s.vss, rss: s.rss, shr: s.shr, pss: s.pss, uss: s.uss,
    swap: s.swap, swapPss: s.swapPss, cpu: s.cpu === null ? null : round2(s.cpu), unknown: unknownCounts(agg),
  };
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
