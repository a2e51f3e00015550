/**
 * The sampler: one call to sample() = one Sample. It lists the PIDs, reads stat for every process
 * every tick, and the other files its needs name (read-needs.ts) only where needed:
 * - exact mode (one-shot reports, --exact): everything needed, every tick;
 * - incremental mode (the default for repeated sampling): status and memory detail only for
 *   processes that are new or whose stat changed (resident pages, virtual size, CPU time),
 *   plus a round-robin refresh so that no PSS/USS is older than maxStalenessMs.
 * A process that exits mid-read is absent from that sample; a refused smaps_rollup leaves PSS,
 * USS and SwapPss null with the denial recorded. cmdline is read once per process lifetime,
 * keyed by pid + start time. Synchronous: the UI runs it in a worker (sampler-worker.ts).
 */
import type { ProcFs } from '../proc/procfs.js';
import { systemClock, type Clock } from './clock.js';
import { detectDetailFile, type DetailFile } from './memory-detail.js';
import { pickRefreshes } from './refresh-plan.js';
import { readSystem } from './read-system.js';
import { UserNames } from './user-names.js';
import { PidLister, lastPidIsOurs } from './pid-lister.js';
import { readProcess, type ProcessTick, type Tracked } from './read-process.js';
import { OwnUsageMeter } from './own-usage.js';
import { readCgroupCharges } from './read-cgroup-charges.js';
import type { ReadNeed, ReadNeeds } from './read-needs.js';
import { noReads, type ProcessSample, type Sample, type SampleStats } from './sample.js';

/** What a sampler reads when not told: everything but the cgroup. */
export const DEFAULT_NEEDS: ReadNeeds = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline']);

export interface SamplerOptions {
  procfs: ProcFs;
  clock?: Clock;
  users?: UserNames;
  /** Which files to read per process (stat always). smaps_rollup only when 'rollup' is in it. */
  needs?: ReadNeeds;
  /** Re-read every file of every process each tick. */
  exact?: boolean;
  /** Incremental mode: the oldest a PSS/USS figure may get. */
  maxStalenessMs?: number;
  /** Incremental mode: the expected time between ticks. */
  intervalMs?: number;
  /** Skip listing the root while loadavg's last PID stands still (default: lastPidIsOurs; tests set it for a copy). */
  trustLastPid?: boolean;
  /** The cgroup filesystem (read-cgroup-charges.ts): the cgroups' own charge when 'cgroup' is needed. */
  cgroupFs?: ProcFs | null;
}

export const DEFAULT_MAX_STALENESS_MS = 10_000;

/** The processes part of a sample. */
interface ProcessesPart {
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
function stillAlive(part: ProcessesPart): number[] {
  const read = part.processes.map((p) => p.pid);
  return part.unread.length === 0 ? read : read.concat(part.unread);
}

export class Sampler {
  readonly procfs: ProcFs;
  private readonly clock: Clock;
  private readonly users: UserNames;
  private readonly tracked = new Map<number, Tracked>();
  private readonly own = new OwnUsageMeter();
  private detailFile: DetailFile | null = null;
  private ticks = 0;
  private lastTickAtMs: number | null = null;
  readonly pids: PidLister;
  private readonly cgroupFs: ProcFs | null;
  needs: ReadNeeds;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;

  constructor(options: SamplerOptions) {
    this.procfs = options.procfs;
    this.clock = options.clock ?? systemClock;
    this.users = options.users ?? UserNames.load(options.procfs);
    this.needs = options.needs ?? DEFAULT_NEEDS;
    this.exact = options.exact ?? false;
    this.maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
    this.intervalMs = options.intervalMs ?? 1000;
    this.cgroupFs = options.cgroupFs ?? null;
    this.pids = new PidLister(options.procfs, options.trustLastPid ?? lastPidIsOurs(options.procfs));
  }

  sample(): Sample {
    const startMs = this.clock.monotonicMs();
    const timeMs = this.clock.epochMs();
    const system = readSystem(this.procfs);
    const part = this.sampleProcesses(this.pids.list(system.loadavg), system);
    this.pids.keep(stillAlive(part));
    const detailSource = this.needs.has('rollup') ? this.detailFile ?? 'smaps_rollup' : 'off';
    const cgroupCharges = this.cgroupFs && this.needs.has('cgroup') ? readCgroupCharges(this.cgroupFs, part.processes) : undefined;
    const nowMs = this.clock.monotonicMs();
    return {
      timeMs, monotonicMs: nowMs, system, processes: part.processes, detailSource, stats: part.stats, costMs: nowMs - startMs,
      own: this.own.read(), ...(cgroupCharges ? { cgroupCharges } : {}),
    };
  }

  /** Reads these PIDs and forgets the processes not among them. */
  private sampleProcesses(pids: readonly number[], system: Sample['system']): ProcessesPart {
    this.detailFile ??= detectDetailFile(this.procfs, pids);
    const nowMs = this.clock.monotonicMs();
    const stats: SampleStats = { listed: pids.length, gone: 0, denied: 0, reads: noReads(), refused: [] };
    const tick: ProcessTick = {
      procfs: this.procfs,
      users: this.users,
      system,
      nowMs,
      exact: this.exact,
      needs: this.needs,
      detailFile: this.detailFile,
      staleRefresh: this.planStaleRefreshes(nowMs),
      stats,
    };
    const tickNumber = ++this.ticks;
    const unread: number[] = [];
    const processes: ProcessSample[] = [];
    for (const pid of pids) {
      const known = this.tracked.get(pid);
      const result = readProcess(tick, pid, known);
      if (result === null) {
        stats.gone++;
        this.procfs.release(`${pid}/stat`);
        // Nearly always gone; the few still there (read in part) are read again next tick.
        if (this.procfs.exists(`${pid}`)) unread.push(pid);
        continue;
      }
      if ('unreadable' in result) {
        (stats.unreadable ??= []).push(result.unreadable);
        // Still there: kept in the cached listing, so that every tick counts it.
        unread.push(pid);
        continue;
      }
      result.tracked.seenTick = tickNumber;
      if (result.tracked !== known) this.tracked.set(pid, result.tracked);
      if (result.record.denied.length > 0) stats.denied++;
      processes.push(result.record);
    }
    // Forget the processes not seen this tick (gone, or no longer among these PIDs).
    if (this.tracked.size > processes.length) {
      for (const [pid, tracked] of this.tracked) {
        if (tracked.seenTick === tickNumber) continue;
        this.tracked.delete(pid);
        this.procfs.release(`${pid}/stat`);
      }
    }
    return { processes, unread, stats };
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
    if (this.exact || !this.needs.has('rollup')) return new Set();
    const candidates = [];
    for (const [pid, t] of this.tracked) {
      if (!t.noMm && t.detailAtMs !== null) candidates.push({ pid, readAtMs: t.detailAtMs });
    }
    return new Set(pickRefreshes(candidates, { nowMs, intervalMs: periodMs, maxStalenessMs: this.maxStalenessMs }));
  }
}
