/**
 * The store: what the sampler pushed and the views pull. It keeps the latest sample, the one
 * before it (rates: CPU, vmstat), a bounded history of the system part (graphs), and the latest
 * per-mapping reading of the one process whose Mappings view is open. It never reads a file.
 */
import type { SmapsTable } from '../proc/smaps-table.js';
import type { MappingsReading, ProcessIdentity, ProcessSample, Sample } from '../sampler/sample.js';
import { freeSummary } from './free-summary.js';
import { RingBuffer } from './ring-buffer.js';
import type { ProcessHistory } from './process-history.js';

/**
 * One point of system history: a few numbers, not the whole system sample (meminfo and vmstat
 * are hundreds of fields), so that ten minutes of history stay small. Rates are per second since
 * the previous sample (null on the first, or where the kernel lacks the counter).
 */
export interface SystemPoint {
  timeMs: number;
  monotonicMs: number;
  /** The sample's own cost, ms. */
  costMs: number;
  memTotalBytes: number;
  /** MemTotal − MemAvailable (as free's "used"). */
  memUsedBytes: number;
  /** Buffers + Cached + SReclaimable (as free's "buff/cache"). */
  buffCacheBytes: number;
  /** SwapTotal − SwapFree. */
  swapUsedBytes: number;
  /** MemAvailable (free's "available"). */
  availableBytes?: number;
  /** PSI memory avg10, percent: some task stalled / all tasks stalled; null without PSI. */
  psiSomePercent?: number | null;
  psiFullPercent?: number | null;
  /** Swapped in / out, bytes per second (vmstat pswpin / pswpout). */
  swapInBytesPerSec?: number | null;
  swapOutBytesPerSec?: number | null;
  /** Page faults and major faults per second (vmstat pgfault / pgmajfault). */
  pageFaultsPerSec?: number | null;
  majorFaultsPerSec?: number | null;
}

function systemPoint(sample: Sample, previous: Sample | null, pageSizeBytes: number): SystemPoint {
  const f = freeSummary(sample.system.meminfo);
  const seconds = previous ? Math.max(1, sample.monotonicMs - previous.monotonicMs) / 1000 : 0;
  const rate = (key: string, scale = 1) => {
    const was = previous?.system.vmstat[key];
    const is = sample.system.vmstat[key];
    return was === undefined || is === undefined || seconds === 0 ? null : (Math.max(0, is - was) * scale) / seconds;
  };
  const psi = sample.system.pressure;
  return {
    timeMs: sample.timeMs, monotonicMs: sample.monotonicMs, costMs: sample.costMs, memTotalBytes: f.total,
    memUsedBytes: Math.max(0, f.used ?? 0), buffCacheBytes: Math.max(0, f.buffCache), swapUsedBytes: Math.max(0, f.swapUsed ?? 0),
    availableBytes: sample.system.meminfo.MemAvailable ?? undefined,
    psiSomePercent: psi?.some?.avg10 ?? null, psiFullPercent: psi?.full?.avg10 ?? null,
    swapInBytesPerSec: rate('pswpin', pageSizeBytes), swapOutBytesPerSec: rate('pswpout', pageSizeBytes),
    pageFaultsPerSec: rate('pgfault'), majorFaultsPerSec: rate('pgmajfault'),
  };
}

export type { MappingsReading, ProcessIdentity } from '../sampler/sample.js';

export interface MappingsState {
  target: ProcessIdentity;
  /** The last mappings read successfully; kept after the process exits. */
  mappings: SmapsTable | null;
  comm: string | null;
  /** smaps was refused (ptrace-read check): only status figures are known. */
  denied: boolean;
  /** The process has exited: `mappings` is its last reading. */
  exited: boolean;
  /** Wall-clock time of the last reading, ms since the epoch. */
  readAtMs: number | null;
  /** The last read's duration, and the re-read period when a slow read stretches it past the interval. */
  readMs?: number;
  everyMs?: number | null;
}

export const DEFAULT_HISTORY_POINTS = 600;

export class Store {
  latest: Sample | null = null;
  previous: Sample | null = null;
  readonly history: RingBuffer<SystemPoint>;
  mappings: MappingsState | null = null;
  /** From the worker's first message; 4 KiB until then. */
  pageSizeBytes = 4096;
  /** The per-process history, a consumer of the same sample stream (run-tui.ts), for views to pull from. */
  processHistory: ProcessHistory | null = null;
  /** Bumped on every change: a view re-renders only when it moved. */
  version = 0;
  /** Built on the first find() after a push, not on every push. */
  private byPid: Map<number, ProcessSample> | null = null;

  constructor(historyPoints = DEFAULT_HISTORY_POINTS) {
    this.history = new RingBuffer<SystemPoint>(historyPoints);
  }

  push(sample: Sample): void {
    this.previous = this.latest;
    this.latest = sample;
    this.byPid = null;
    this.history.push(systemPoint(sample, this.previous, this.pageSizeBytes));
    if (this.mappings && !this.mappings.exited && !this.find(this.mappings.target)) {
      // Gone from the process list before the next smaps reading says so.
      this.mappings.exited = this.mappings.mappings !== null || this.mappings.denied;
    }
    this.version++;
  }

  /** The process with this identity in the latest sample, if it is still there. */
  find(identity: ProcessIdentity): ProcessSample | undefined {
    this.byPid ??= new Map((this.latest?.processes ?? []).map((p) => [p.pid, p]));
    const p = this.byPid.get(identity.pid);
    return p && p.startTimeTicks === identity.startTimeTicks ? p : undefined;
  }

  /** Starts tracking the mappings of one process (the Mappings view opened). */
  watchMappings(target: ProcessIdentity): void {
    const same = this.mappings && sameProcess(this.mappings.target, target);
    if (same) return;
    this.mappings = { target, mappings: null, comm: null, denied: false, exited: false, readAtMs: null };
    this.version++;
  }

  unwatchMappings(): void {
    this.mappings = null;
    this.version++;
  }

  /** A reading from the worker; ignored unless it is of the watched process. */
  setMappings(target: ProcessIdentity, reading: MappingsReading, readAtMs: number): void {
    const state = this.mappings;
    if (!state || !sameProcess(state.target, target)) return;
    if (reading.kind === 'ok') {
      state.mappings = reading.mappings;
      state.comm = reading.comm;
      state.denied = false;
      state.exited = false;
      state.readAtMs = readAtMs;
      state.readMs = reading.readMs;
      state.everyMs = reading.everyMs;
    } else if (reading.kind === 'denied') {
      state.denied = true;
      state.readAtMs = readAtMs;
    } else {
      state.exited = true;
    }
    this.version++;
  }
}

export function sameProcess(a: ProcessIdentity, b: ProcessIdentity): boolean {
  return a.pid === b.pid && a.startTimeTicks === b.startTimeTicks;
}
