/**
 * The sampler: one call to sample() = one Sample. It lists the PIDs, reads stat for every process
 * every tick, and status + smaps_rollup only where needed:
 * - exact mode (one-shot reports, --exact): everything, every tick;
 * - incremental mode (the default for repeated sampling): status and memory detail only for
 *   processes that are new or whose stat changed (resident pages, virtual size, CPU time),
 *   plus a round-robin refresh so that no PSS/USS is older than maxStalenessMs.
 * A process that exits mid-read is absent from that sample; a refused smaps_rollup leaves PSS,
 * USS and SwapPss null with the denial recorded. cmdline is read once per process lifetime,
 * keyed by pid + start time.
 */
import { availableParallelism } from 'node:os';
import type { ProcFs } from '../proc/procfs.js';
import { systemClock, type Clock } from './clock.js';
import { detectDetailFile, type DetailFile } from './memory-detail.js';
import { pickRefreshes } from './refresh-plan.js';
import { readSystem } from './read-system.js';
import { UserNames } from './user-names.js';
import { PidLister, lastPidIsOurs } from './pid-lister.js';
import { readProcess, type ProcessTick, type Tracked } from './read-process.js';
import { ReadAhead } from './read-ahead.js';
import { READ_AHEAD_MIN_PIDS, readAheadPlan, type ReadAheadPlan } from './read-ahead-layout.js';
import type { ProcessSample, Sample, SampleStats, SystemSample } from './sample.js';

export interface SamplerOptions {
  procfs: ProcFs;
  clock?: Clock;
  users?: UserNames;
  /** Read PSS/USS/SwapPss (smaps_rollup). Off when no shown column or view needs them. */
  readDetail?: boolean;
  /** Re-read every file of every process each tick. */
  exact?: boolean;
  /** Incremental mode: the oldest a PSS/USS figure may get. */
  maxStalenessMs?: number;
  /** Incremental mode: the expected time between ticks. */
  intervalMs?: number;
  /**
   * Exact mode: read the files on a second thread while this one parses (read-ahead.ts), when
   * there are at least READ_AHEAD_MIN_PIDS processes. For one-shot reports, whose time is all
   * in one sample.
   */
  readAhead?: boolean;
  /** The fewest processes worth a read-ahead thread (default READ_AHEAD_MIN_PIDS; tests lower it). */
  readAheadMinPids?: number;
  /** Skip listing the root while loadavg's last PID stands still (default: lastPidIsOurs; tests set it for a copy). */
  trustLastPid?: boolean;
}

export const DEFAULT_MAX_STALENESS_MS = 10_000;

/** The processes part of a sample, as one thread reads it for a share of the PIDs. */
export interface ProcessesPart {
  processes: ProcessSample[];
  /**
   * PIDs read only in part (a file cut short or refused mid-read) whose /proc directory is still
   * there: absent from this sample, but alive, so the next tick reads them again even when it
   * does not list the root (pid-lister.ts).
   */
  unread: number[];
  stats: SampleStats;
}

/** The PIDs the next tick should read if no process was created: those read, and those read in part. */
export function stillAlive(part: ProcessesPart): number[] {
  const read = part.processes.map((p) => p.pid);
  return part.unread.length === 0 ? read : read.concat(part.unread);
}

export class Sampler {
  readonly procfs: ProcFs;
  private readonly clock: Clock;
  private readonly users: UserNames;
  private readonly tracked = new Map<number, Tracked>();
  private detailFile: DetailFile | null = null;
  private ticks = 0;
  private lastTickAtMs: number | null = null;
  readonly pids: PidLister;
  readDetail: boolean;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;
  readonly readAhead: boolean;
  private readonly readAheadMinPids: number;
  /** A read-ahead started before the sample (adoptReadAhead), with its own listing of the PIDs. */
  private early: ReadAhead | null = null;
  /** What the last sample's read-ahead did (for tests and benchmarks), or null if none ran. */
  lastReadAhead: { served: number; readHere: number } | null = null;

  constructor(options: SamplerOptions) {
    this.procfs = options.procfs;
    this.clock = options.clock ?? systemClock;
    this.users = options.users ?? UserNames.load(options.procfs);
    this.readDetail = options.readDetail ?? true;
    this.exact = options.exact ?? false;
    this.maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
    this.intervalMs = options.intervalMs ?? 1000;
    this.pids = new PidLister(options.procfs, options.trustLastPid ?? lastPidIsOurs(options.procfs));
    this.readAhead = options.readAhead ?? false;
    this.readAheadMinPids = options.readAheadMinPids ?? READ_AHEAD_MIN_PIDS;
  }

  /**
   * Takes a read-ahead started before this sampler existed (early-read-ahead.ts) for the next
   * sample, if it reads this root the way this sampler will; else stops it.
   */
  adoptReadAhead(run: ReadAhead): void {
    const plan = this.readAhead && this.exact && this.early === null && run.root === this.procfs.root ? this.readAheadPlan(run.pids) : null;
    if (plan !== null && plan.rollup === run.plan.rollup && plan.statusAlways === run.plan.statusAlways) this.early = run;
    else run.finish();
  }

  sample(): Sample {
    const startMs = this.clock.monotonicMs();
    const timeMs = this.clock.epochMs();
    const system = readSystem(this.procfs);
    const part = this.sampleProcesses(this.early?.pids ?? this.pids.list(system.loadavg), system);
    this.pids.keep(stillAlive(part));
    return this.assemble(startMs, timeMs, system, part);
  }

  /** Builds a Sample from its parts (the parallel sampler reads the processes in two threads). */
  assemble(startMs: number, timeMs: number, system: SystemSample, part: ProcessesPart): Sample {
    const detailSource = this.readDetail ? this.detailFile ?? 'smaps_rollup' : 'off';
    const nowMs = this.clock.monotonicMs();
    return { timeMs, monotonicMs: nowMs, system, processes: part.processes, detailSource, stats: part.stats, costMs: nowMs - startMs };
  }

  /** Reads these PIDs (all, or this thread's share) and forgets the processes not among them. */
  sampleProcesses(pids: readonly number[], system: SystemSample): ProcessesPart {
    this.detailFile ??= detectDetailFile(this.procfs, pids);
    const nowMs = this.clock.monotonicMs();
    const stats: SampleStats = { listed: pids.length, gone: 0, denied: 0, statusReads: 0, detailReads: 0 };
    const tick: ProcessTick = {
      procfs: this.procfs,
      users: this.users,
      system,
      nowMs,
      exact: this.exact,
      readDetail: this.readDetail,
      detailFile: this.detailFile,
      staleRefresh: this.planStaleRefreshes(nowMs),
      stats,
    };
    const tickNumber = ++this.ticks;
    const unread: number[] = [];
    const visit = (pid: number): ProcessSample | null => {
      const known = this.tracked.get(pid);
      const result = readProcess(tick, pid, known);
      if (result === null) {
        stats.gone++;
        // Nearly always gone; the few still there (read in part) are read again next tick.
        if (this.procfs.exists(`${pid}`)) unread.push(pid);
        return null;
      }
      if ('unreadable' in result) {
        (stats.unreadable ??= []).push(result.unreadable);
        // Still there: kept in the cached listing, so that every tick counts it.
        unread.push(pid);
        return null;
      }
      result.tracked.seenTick = tickNumber;
      if (result.tracked !== known) this.tracked.set(pid, result.tracked);
      if (result.record.denied.length > 0) stats.denied++;
      return result.record;
    };
    const run = this.takeReadAhead(pids);
    let processes: ProcessSample[] = [];
    if (run === null) {
      this.lastReadAhead = null;
      for (const pid of pids) {
        const record = visit(pid);
        if (record !== null) processes.push(record);
      }
    } else {
      // Sampled out of order (see ReadAhead.order), kept in the order of the listing.
      tick.procfs = run.procfs;
      const inOrder = new Array<ProcessSample | null>(pids.length).fill(null);
      try {
        for (const index of run.order()) inOrder[index] = visit(pids[index]);
      } finally {
        run.finish();
      }
      this.lastReadAhead = { served: run.served, readHere: run.readHere };
      processes = inOrder.filter((p): p is ProcessSample => p !== null);
    }
    // Forget the processes not seen this tick (gone, or no longer among these PIDs).
    if (this.tracked.size > processes.length) {
      for (const [pid, tracked] of this.tracked) if (tracked.seenTick !== tickNumber) this.tracked.delete(pid);
    }
    return { processes, unread, stats };
  }

  /** The read-ahead for this tick's PIDs: the early one if it listed them, else a new one if due. */
  private takeReadAhead(pids: readonly number[]): ReadAhead | null {
    const early = this.early;
    this.early = null;
    if (early !== null && early.pids === pids) return early;
    early?.finish();
    const worthIt = this.readAhead && this.exact && pids.length >= this.readAheadMinPids && availableParallelism() > 1;
    return worthIt ? ReadAhead.start(this.procfs.root, pids, this.readAheadPlan(pids)) : null;
  }

  private readAheadPlan(pids: readonly number[]): ReadAheadPlan {
    this.detailFile ??= detectDetailFile(this.procfs, pids);
    return readAheadPlan(this.procfs, this.readDetail, this.detailFile);
  }

  /**
   * Incremental mode: which known processes get their memory detail re-read although their stat
   * may not move, decided from what the previous ticks read (a process that did change is
   * re-read anyway).
   */
  private planStaleRefreshes(nowMs: number): ReadonlySet<number> {
    // The next tick comes about as late after this one as this one came after the last.
    const periodMs = this.lastTickAtMs === null ? this.intervalMs : Math.max(this.intervalMs, nowMs - this.lastTickAtMs);
    this.lastTickAtMs = nowMs;
    if (this.exact || !this.readDetail) return new Set();
    const candidates = [];
    for (const [pid, t] of this.tracked) {
      if (!t.noMm && t.detailAtMs !== null) candidates.push({ pid, readAtMs: t.detailAtMs });
    }
    return new Set(pickRefreshes(candidates, { nowMs, intervalMs: periodMs, maxStalenessMs: this.maxStalenessMs }));
  }
}
