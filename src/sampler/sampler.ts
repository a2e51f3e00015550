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
import { isFailure, isGone, type ProcFs } from '../proc/procfs.js';
import { parsePidStat, isKernelThread, type PidStat } from '../proc/pid-stat.js';
import { parseStatus, sharedBytes, effectiveUid, type PidStatus } from '../proc/status.js';
import { cmdlineText } from '../proc/cmdline.js';
import type { MemorySummary } from '../proc/smaps-counters.js';
import { CLOCK_TICKS_PER_SECOND, systemClock, type Clock } from './clock.js';
import { detectDetailFile, readMemoryDetail, type DetailFile } from './memory-detail.js';
import { pickRefreshes } from './refresh-plan.js';
import { readSystem } from './read-system.js';
import { UserNames } from './user-names.js';
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
}

/** What the sampler remembers of a process between ticks. */
interface Tracked {
  startTimeTicks: number;
  cmdline: string;
  stat: PidStat;
  status: PidStatus;
  statAtMs: number;
  detail: MemorySummary | null;
  detailAtMs: number | null;
  denied: string[];
  /** True when the process has no mm (kernel thread, zombie): no detail to read. */
  noMm: boolean;
}

export const DEFAULT_MAX_STALENESS_MS = 10_000;

export class Sampler {
  private readonly procfs: ProcFs;
  private readonly clock: Clock;
  private readonly users: UserNames;
  private readonly tracked = new Map<number, Tracked>();
  private detailFile: DetailFile | null = null;
  readDetail: boolean;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;

  constructor(options: SamplerOptions) {
    this.procfs = options.procfs;
    this.clock = options.clock ?? systemClock;
    this.users = options.users ?? UserNames.load(options.procfs);
    this.readDetail = options.readDetail ?? true;
    this.exact = options.exact ?? false;
    this.maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
    this.intervalMs = options.intervalMs ?? 1000;
  }

  sample(): Sample {
    const startMs = this.clock.monotonicMs();
    const timeMs = this.clock.epochMs();
    const system = readSystem(this.procfs);
    const pids = this.procfs.listPids();
    this.detailFile ??= detectDetailFile(this.procfs, pids);
    const stats: SampleStats = { listed: pids.length, gone: 0, denied: 0, statusReads: 0, detailReads: 0 };

    // Pass 1: stat for every process; decide who needs status and detail.
    const seen: { pid: number; stat: PidStat; previous: Tracked | undefined; changed: boolean }[] = [];
    for (const pid of pids) {
      const text = this.procfs.readSingle(`${pid}/stat`);
      const stat = isFailure(text) ? null : parsePidStat(text);
      if (stat === null) {
        stats.gone++;
        continue;
      }
      let previous = this.tracked.get(pid);
      if (previous && previous.startTimeTicks !== stat.startTimeTicks) previous = undefined; // PID reused
      const changed = previous === undefined || this.exact || statChanged(previous.stat, stat);
      seen.push({ pid, stat, previous, changed });
    }
    const nowMs = this.clock.monotonicMs();
    const refresh = new Set(this.exact || !this.readDetail ? [] : pickRefreshes(
      seen.filter((s) => !s.changed && s.previous && !s.previous.noMm && s.previous.detailAtMs !== null)
        .map((s) => ({ pid: s.pid, readAtMs: s.previous!.detailAtMs! })),
      { nowMs, intervalMs: this.intervalMs, maxStalenessMs: this.maxStalenessMs },
    ));

    // Pass 2: status, detail and cmdline where needed; build the records.
    const processes: ProcessSample[] = [];
    const alive = new Set<number>();
    for (const { pid, stat, previous, changed } of seen) {
      const tracked = this.update(pid, stat, previous, changed, refresh.has(pid), nowMs, stats);
      if (tracked === null) {
        stats.gone++;
        this.tracked.delete(pid);
        continue;
      }
      alive.add(pid);
      this.tracked.set(pid, tracked);
      if (tracked.denied.length > 0) stats.denied++;
      processes.push(this.record(pid, tracked, previous, system, nowMs));
    }
    for (const pid of this.tracked.keys()) if (!alive.has(pid)) this.tracked.delete(pid);

    const detailSource = this.readDetail ? this.detailFile : 'off';
    return { timeMs, monotonicMs: nowMs, system, processes, detailSource, stats, costMs: this.clock.monotonicMs() - startMs };
  }

  /** Reads what this tick needs for one process; null when it vanished mid-read. */
  private update(pid: number, stat: PidStat, previous: Tracked | undefined, changed: boolean,
    staleRefresh: boolean, nowMs: number, stats: SampleStats): Tracked | null {
    let status = previous?.status;
    if (changed || status === undefined) {
      const text = this.procfs.readSingle(`${pid}/status`);
      if (isFailure(text)) return null;
      status = parseStatus(text);
      stats.statusReads++;
      if (status.pid !== pid) return null; // truncated or empty: half-read
    }
    const kernel = isKernelThread(stat);
    const zombie = stat.state === 'Z' || stat.state === 'X';
    const next: Tracked = {
      startTimeTicks: stat.startTimeTicks,
      cmdline: previous?.cmdline ?? '',
      stat,
      status,
      statAtMs: nowMs,
      detail: previous?.detail ?? null,
      detailAtMs: previous?.detailAtMs ?? null,
      denied: previous?.denied ?? [],
      noMm: kernel || zombie,
    };
    if (previous === undefined && !kernel) {
      const text = this.procfs.readSingle(`${pid}/cmdline`);
      if (isFailure(text)) {
        if (isGone(text)) return null;
      } else {
        next.cmdline = cmdlineText(text);
      }
    }
    const wantDetail = this.readDetail && !next.noMm && (changed || staleRefresh || next.detailAtMs === null);
    if (wantDetail) {
      const outcome = readMemoryDetail(this.procfs, pid, this.detailFile ?? 'smaps_rollup');
      stats.detailReads++;
      if (outcome.kind === 'gone') return null;
      if (outcome.kind === 'ok') {
        next.detail = outcome.summary;
        next.detailAtMs = nowMs;
        next.denied = [];
      } else if (outcome.kind === 'denied') {
        next.detail = null;
        next.detailAtMs = nowMs;
        next.denied = [outcome.file];
      } else {
        // no mm although stat says neither kernel thread nor zombie: it is exiting right now.
        return null;
      }
    } else if (!this.readDetail) {
      next.detail = null;
      next.detailAtMs = null;
    }
    return next;
  }

  private record(pid: number, t: Tracked, previous: Tracked | undefined, system: SystemSample, nowMs: number): ProcessSample {
    const { stat, status, detail } = t;
    const uid = effectiveUid(status);
    const cpuTicks = stat.utimeTicks + stat.stimeTicks;
    const bootMs = system.stat.bootTimeSeconds * 1000;
    const memoryless = t.noMm; // kernel threads and zombies own no memory: zeros, not unknowns
    return {
      pid,
      ppid: stat.ppid,
      uid,
      user: this.users.name(uid),
      state: stat.state,
      threads: stat.numThreads,
      startTimeTicks: stat.startTimeTicks,
      startTimeMs: bootMs + (stat.startTimeTicks * 1000) / CLOCK_TICKS_PER_SECOND,
      comm: stat.comm,
      cmdline: t.cmdline,
      vssBytes: status.vmSizeBytes ?? (memoryless ? 0 : null),
      rssBytes: detail?.rssBytes ?? status.vmRssBytes ?? (memoryless ? 0 : null),
      shrBytes: sharedBytes(status) ?? (memoryless ? 0 : null),
      pssBytes: detail?.pssBytes ?? (memoryless ? 0 : null),
      ussBytes: detail?.ussBytes ?? (memoryless ? 0 : null),
      swapBytes: detail?.swapBytes ?? status.vmSwapBytes ?? (memoryless ? 0 : null),
      swapPssBytes: detail?.swapPssBytes ?? (memoryless ? 0 : null),
      cpuTicks,
      cpuPercent: cpuPercent(cpuTicks, previous, nowMs, stat, system),
      kernelThread: isKernelThread(stat),
      pssAgeMs: t.detailAtMs === null ? null : nowMs - t.detailAtMs,
      denied: t.denied,
    };
  }
}

function statChanged(before: PidStat, after: PidStat): boolean {
  return before.rssPages !== after.rssPages
    || before.vsizeBytes !== after.vsizeBytes
    || before.utimeTicks + before.stimeTicks !== after.utimeTicks + after.stimeTicks
    || before.state !== after.state && (before.state === 'Z' || after.state === 'Z');
}

/** Since the previous sample of the same process; on first sight, the lifetime average (as ps). */
function cpuPercent(cpuTicks: number, previous: Tracked | undefined, nowMs: number, stat: PidStat, system: SystemSample): number {
  if (previous !== undefined) {
    const elapsedMs = nowMs - previous.statAtMs;
    const usedMs = ((cpuTicks - previous.stat.utimeTicks - previous.stat.stimeTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
    return elapsedMs > 0 ? Math.max(0, (usedMs / elapsedMs) * 100) : 0;
  }
  const uptimeSeconds = system.uptime?.uptimeSeconds;
  if (uptimeSeconds === undefined) return 0;
  const livedSeconds = uptimeSeconds - stat.startTimeTicks / CLOCK_TICKS_PER_SECOND;
  return livedSeconds > 0 ? ((cpuTicks / CLOCK_TICKS_PER_SECOND) / livedSeconds) * 100 : 0;
}
