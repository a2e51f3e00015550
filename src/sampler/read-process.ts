/**
 * One process in one tick: stat always; status, smaps_rollup, cmdline and cgroup when the tick's
 * needs name them; the record built from what was read now and what is remembered from before.
 */
import { failureText, isDenied, isFailure, isGone, isRefusedFile, type ProcFs, type ReadFailure } from '../proc/procfs.js';
import { memoryCgroupPath, parseCgroup } from '../proc/cgroup.js';
import { parsePidStat, isKernelThread, isZombie, hasImpossibleField, impossibleStatFields, cpuTicksOf, identityStartOf, type PidStat } from '../proc/pid-stat.js';
import { parseStatus, sharedBytes, effectiveUid, type PidStatus } from '../proc/status.js';
import { cmdlineText } from '../proc/cmdline.js';
import type { MemorySummary } from '../proc/smaps-counters.js';
import { CLOCK_TICKS_PER_SECOND } from './clock.js';
import { readMemoryDetail, type DetailFile } from './memory-detail.js';
import { memoryDirOf } from './live-thread.js';
import type { UserNames } from './user-names.js';
import type { ReadNeeds } from './read-needs.js';
import type { ProcessSample, SampleStats, SystemSample, UnreadableProcess } from './sample.js';

/** The most of a command line read: any user can start processes with megabytes of arguments. */
export const CMDLINE_MAX_BYTES = 16 * 1024;
/** Refused files named per sample, at most (the count of affected processes is in `gone`). */
const REFUSED_KEPT = 20;

/** The denial list of a process nothing was refused for: one array for all (nobody changes it). */
const NOTHING_DENIED: string[] = [];
/** Likewise for files that parsed: a list is replaced, never changed in place. */
const NOTHING_GARBLED: string[] = [];

/** What a tick reads with, and what it counts. */
export interface ProcessTick {
  procfs: ProcFs;
  users: UserNames;
  system: SystemSample;
  nowMs: number;
  exact: boolean;
  /** What to read beyond stat (read-needs.ts). */
  needs: ReadNeeds;
  detailFile: DetailFile;
  /** Unchanged processes whose detail is re-read this tick (round-robin refresh). */
  staleRefresh: ReadonlySet<number>;
  stats: SampleStats;
}

/** What the sampler remembers of a process between ticks. */
export interface Tracked {
  /** The stat line as read, to tell at the cost of a memcmp that nothing moved (null in exact mode). */
  statBytes: Buffer | null;
  /** The record of the last tick. */
  record: ProcessSample;
  /** The sampler's tick that last saw the process (to forget those no longer seen). */
  seenTick: number;
  /** identityStartOf(stat). */
  startTimeTicks: number;
  /** Null until read (when 'cmdline' is needed). */
  cmdline: string | null;
  cmdlineTruncated: boolean;
  /** Undefined until read (when 'cgroup' is needed); null when unknown. */
  cgroupPath: string | null | undefined;
  stat: PidStat;
  /** Null until status is needed (see readProcess). */
  status: PidStatus | null;
  /** The owner of /proc/PID on a live procfs (the effective uid); status's effective uid on a copy. */
  uid: number | null;
  statAtMs: number;
  detail: MemorySummary | null;
  detailAtMs: number | null;
  denied: string[];
  /** Files read this tick that did not parse ("status", "status Uid"): what they give is null. */
  garbled: string[];
  /** The memory detail file as last read, when it did not parse ("smaps_rollup", "smaps_rollup empty"): kept until it is read again. */
  detailGarbled: string | null;
  /** No address space (kernel thread, zombie): no detail to read. */
  noMm: boolean;
}

/**
 * Null when the process is gone or was read only in part (it exited mid-read).
 *
 * Files read, in order: stat; cmdline and cgroup when needed; smaps_rollup when the PSS figures
 * are due; status, when needed, only where the record lacks what it gives: for SHR, RSS and swap when there is no rollup (not shown, refused, no
 * address space), and for the uid on a copy of /proc. On a live procfs the uid is the owner of
 * the /proc/PID directory (ProcFs.filesShowOwner), taken whenever the process is read further
 * than its stat line (so a process that changed its uid shows it within --max-staleness).
 */
export function readProcess(tick: ProcessTick, pid: number, known: Tracked | undefined):
  { tracked: Tracked; record: ProcessSample } | { unreadable: UnreadableProcess } | null {
  const { procfs, stats, nowMs } = tick;
  const ownerFromFiles = procfs.filesShowOwner;
  // Incremental sampling reads every stat every tick: through a held descriptor (procfs.ts).
  const statLength = tick.exact ? procfs.readSingleBytes(`${pid}/stat`) : procfs.readHeldBytes(`${pid}/stat`);
  stats.reads.stat++;
  if (typeof statLength !== 'number') {
    noteRefused(stats, statLength);
    // Refused (hidepid=1 hides other users' files but lists their directories): there, not gone.
    return isDenied(statLength) ? { unreadable: { pid, file: 'stat', why: 'refused' } } : null;
  }
  if (known !== undefined && procfs.sameBytes(statLength, known.statBytes) && isIdle(tick, pid, known)) {
    return { tracked: known, record: idleRecord(known, tick) };
  }
  // Kept to tell the next tick that nothing moved; exact mode reads everything anyway.
  const statBytes = tick.exact ? null : procfs.copyBytes(statLength);
  const stat = parsePidStat(procfs.textOf(statLength));
  // The kernel writes stat in one go: a line that does not parse is corrupt, not an exit.
  if (stat === null) return { unreadable: { pid, file: 'stat', why: 'garbled' } };
  // Same PID, other start time: the PID was reused by a new process.
  const previous = known !== undefined && known.startTimeTicks === identityStartOf(stat) ? known : undefined;
  const changed = previous === undefined || tick.exact || statChanged(previous.stat, stat);
  const kernel = isKernelThread(stat);
  const zombie = isZombie(stat);
  // Where its memory shows: /proc/PID, or a live thread's directory when only the leader is a
  // zombie (live-thread.ts); null: no address space.
  const memoryDir = memoryDirOf(procfs, pid, stat);
  const tracked: Tracked = {
    statBytes,
    record: undefined as unknown as ProcessSample, // set below
    seenTick: 0,
    startTimeTicks: identityStartOf(stat),
    cmdline: previous?.cmdline ?? null,
    cmdlineTruncated: previous?.cmdlineTruncated ?? false,
    cgroupPath: previous?.cgroupPath,
    stat,
    status: previous?.status ?? null,
    uid: previous?.uid ?? null,
    statAtMs: nowMs,
    detail: previous?.detail ?? null,
    detailAtMs: previous?.detailAtMs ?? null,
    denied: previous?.denied ?? NOTHING_DENIED,
    garbled: NOTHING_GARBLED,
    detailGarbled: previous?.detailGarbled ?? null,
    noMm: memoryDir === null,
  };
  // No address space (any more: a process that just became a zombie): nothing of what was
  // read of its memory before still holds.
  if (tracked.noMm) {
    tracked.detail = null;
    tracked.detailAtMs = null;
    tracked.status = null;
    tracked.denied = NOTHING_DENIED;
    tracked.detailGarbled = null;
  }
  // The command line is read once per process (pid + start time), and again when its comm
  // changes: an exec() (a comm that changes alone, by prctl, costs one read more).
  if (previous !== undefined && previous.stat.comm !== stat.comm) tracked.cmdline = null;
  if (kernel) tracked.cmdline = '';
  else if (tick.needs.has('cmdline') && tracked.cmdline === null) {
    // (A leader that exited has no command line left; a live thread shows the process's.)
    const read = procfs.readPrefix(`${memoryDir ?? pid}/cmdline`, CMDLINE_MAX_BYTES);
    stats.reads.cmdline++;
    if (!isFailure(read)) {
      tracked.cmdline = cmdlineText(read.text);
      tracked.cmdlineTruncated = read.cut;
    } else if (isGone(read)) return null;
    else {
      noteRefused(stats, read);
      tracked.cmdline = '';
    }
  }
  if (tick.needs.has('cgroup') && (changed || tracked.cgroupPath === undefined || tick.staleRefresh.has(pid))) {
    const text = procfs.readSingle(`${pid}/cgroup`);
    stats.reads.cgroup++;
    if (isFailure(text) && isGone(text)) return null;
    if (isFailure(text)) noteRefused(stats, text);
    tracked.cgroupPath = isFailure(text) ? null : memoryCgroupPath(parseCgroup(text));
  }
  if (!tick.needs.has('rollup')) {
    tracked.detail = null;
    tracked.detailAtMs = null;
    tracked.denied = NOTHING_DENIED;
    tracked.detailGarbled = null;
  } else if (!tracked.noMm && (changed || tracked.detailAtMs === null || tick.staleRefresh.has(pid))) {
    const outcome = readMemoryDetail(procfs, memoryDir!, tick.detailFile);
    stats.reads.rollup++;
    tracked.detailGarbled = null;
    if (outcome.kind === 'refused') noteRefused(stats, outcome.failure);
    if (outcome.kind === 'ok') {
      tracked.detail = outcome.summary;
      tracked.denied = NOTHING_DENIED;
    } else if (outcome.kind === 'garbled') {
      tracked.detail = null;
      tracked.denied = NOTHING_DENIED;
      tracked.detailGarbled = outcome.file;
    } else if (outcome.kind === 'denied' || outcome.kind === 'refused') {
      tracked.detail = null;
      tracked.denied = [outcome.file];
    } else if (outcome.kind === 'no-mm' && !procfs.filesShowOwner) {
      // An empty file in a copy of /proc is a damaged copy. (On a procfs the kernel writes
      // nothing only for a task whose memory is gone: it is exiting, and absent below.)
      tracked.detail = null;
      tracked.denied = NOTHING_DENIED;
      tracked.detailGarbled = `${tick.detailFile} empty`;
    } else {
      // gone, or no mm although stat says neither kernel thread nor zombie: exiting right now.
      return null;
    }
    tracked.detailAtMs = nowMs;
  }
  // A leader that exited has no vsize in its stat: VmSize comes from a live thread's status.
  const leaderExited = zombie && !tracked.noMm;
  const needsStatus = (tick.needs.has('status') || tick.needs.has('peak')) && (!ownerFromFiles || leaderExited || (!tracked.noMm && (tracked.detail === null || tick.needs.has('peak'))));
  // A status not read this time would go stale unseen (the rollup gives the figures meanwhile):
  // dropped, so that it is read afresh when it is needed again (PSS switched off).
  if (!needsStatus) tracked.status = null;
  if (needsStatus && (changed || tracked.status === null)) {
    const dir = memoryDir ?? `${pid}`;
    const text = procfs.readSingle(`${dir}/status`);
    stats.reads.status++;
    if (isFailure(text)) {
      noteRefused(stats, text);
      return null;
    }
    const status = parseStatus(text);
    // Empty, cut short (no Threads line, the last one read) or corrupt (a live thread's status
    // names its process in Tgid): the kernel writes it in one go, so it is not an exit; what it
    // would give is unknown.
    if ((dir === `${pid}` ? status.pid : status.tgid) !== pid || status.threads === null) {
      tracked.status = null;
      tracked.garbled = [...tracked.garbled, 'status'];
    } else {
      tracked.status = status;
      if (!ownerFromFiles) {
        tracked.uid = effectiveUid(status);
        if (tracked.uid === null) tracked.garbled = [...tracked.garbled, 'status Uid'];
      }
    }
  }
  if (ownerFromFiles) {
    const uid = procfs.ownerOf(`${pid}`);
    if (uid === null) return null; // gone since its stat was read
    tracked.uid = uid;
  }
  tracked.record = toRecord(pid, tracked, previous, tick);
  return { tracked, record: tracked.record };
}

/** A refused file (procfs.ts: not regular, beyond its cap) is named in the sample's stats. */
function noteRefused(stats: SampleStats, failure: ReadFailure): void {
  if (isRefusedFile(failure) && stats.refused.length < REFUSED_KEPT) stats.refused.push(failureText(failure));
}

/**
 * The stat line has not moved by a byte since the last tick: no CPU time used, no page gained or
 * lost. Unless this tick must read more of it (a round-robin PSS refresh, exact mode, a need just
 * switched on or off), the process is not read further.
 */
function isIdle(tick: ProcessTick, pid: number, known: Tracked): boolean {
  if (tick.exact || tick.staleRefresh.has(pid)) return false;
  const { needs } = tick;
  if (needs.has('cmdline') && known.cmdline === null) return false;
  if (needs.has('cgroup') && known.cgroupPath === undefined) return false;
  if (needs.has('peak') && !known.noMm && known.status === null) return false;
  return known.noMm || (known.detailAtMs !== null) === needs.has('rollup');
}

/** The same record as last tick (the same object, unless it still showed CPU use). */
function idleRecord(known: Tracked, tick: ProcessTick): ProcessSample {
  known.statAtMs = tick.nowMs;
  // Unknown stays unknown: an impossible CPU time that stands still is no figure of 0.
  if (known.record.cpuPercent !== 0 && known.record.cpuPercent !== null) known.record = { ...known.record, cpuPercent: 0 };
  return known.record;
}

function toRecord(pid: number, t: Tracked, previous: Tracked | undefined, tick: ProcessTick): ProcessSample {
  const { stat, status, detail } = t;
  const uid = t.uid;
  const cpuTicks = cpuTicksOf(stat);
  const bootSeconds = tick.system.stat.bootTimeSeconds;
  // Kernel threads and zombies own no memory: zeros, not unknowns.
  const none = t.noMm ? 0 : null;
  // Rss − Anonymous: a rollup whose Anonymous exceeds its Rss is corrupt, and its SHR unknown.
  const shrFromDetail = detail === null ? null : detail.rssBytes - detail.anonymousBytes;
  const record: ProcessSample = {
    pid,
    ppid: stat.ppid,
    uid,
    user: tick.users.name(uid),
    state: stat.state,
    threads: stat.numThreads,
    startTimeTicks: t.startTimeTicks,
    startTimeMs: bootSeconds === null || stat.startTimeTicks === null ? null : bootSeconds * 1000 + (stat.startTimeTicks * 1000) / CLOCK_TICKS_PER_SECOND,
    comm: stat.comm,
    cmdline: t.cmdline ?? '',
    cmdlineTruncated: t.cmdlineTruncated,
    cgroupPath: t.cgroupPath ?? null,
    vssBytes: t.noMm ? 0 : isZombie(stat) ? status?.vmSizeBytes ?? null : stat.vsizeBytes,
    rssBytes: detail?.rssBytes ?? status?.vmRssBytes ?? none,
    shrBytes: detail !== null ? (shrFromDetail! >= 0 ? shrFromDetail : null) : (status !== null ? sharedBytes(status) : null) ?? none,
    pssBytes: detail?.pssBytes ?? none,
    ussBytes: detail?.ussBytes ?? none,
    swapBytes: detail?.swapBytes ?? status?.vmSwapBytes ?? none,
    swapPssBytes: detail?.swapPssBytes ?? none,
    peakRssBytes: status?.vmHwmBytes ?? none,
    cpuTicks,
    cpuPercent: cpuPercent(cpuTicks, previous, tick.nowMs, stat, tick.system),
    kernelThread: isKernelThread(stat),
    pssReadAtMs: t.detailAtMs,
    denied: t.denied,
  };
  // Built only when something is wrong: this runs for every process that moved, every tick.
  if (t.detailGarbled !== null || t.garbled.length > 0 || hasImpossibleField(stat) || (shrFromDetail !== null && shrFromDetail < 0)) {
    const invalid = t.detailGarbled === null ? [...t.garbled] : [t.detailGarbled, ...t.garbled];
    for (const field of impossibleStatFields(stat)) invalid.push(`stat ${field}`);
    if (shrFromDetail !== null && shrFromDetail < 0) invalid.push(`${tick.detailFile} Anonymous > Rss`);
    record.invalid = invalid;
  }
  return record;
}

function statChanged(before: PidStat, after: PidStat): boolean {
  return before.rssPages !== after.rssPages
    || before.vsizeBytes !== after.vsizeBytes
    || cpuTicksOf(before) !== cpuTicksOf(after)
    || (before.state !== after.state && (before.state === 'Z' || after.state === 'Z'));
}

/** Since the previous sample of the same process; on first sight, the lifetime average (as ps). */
function cpuPercent(cpuTicks: number | null, previous: Tracked | undefined, nowMs: number, stat: PidStat, system: SystemSample): number | null {
  if (cpuTicks === null) return null;
  if (previous !== undefined) {
    const before = cpuTicksOf(previous.stat);
    if (before === null) return null;
    const elapsedMs = nowMs - previous.statAtMs;
    const usedMs = ((cpuTicks - before) * 1000) / CLOCK_TICKS_PER_SECOND;
    return elapsedMs > 0 ? Math.max(0, (usedMs / elapsedMs) * 100) : 0;
  }
  const uptimeSeconds = system.uptime?.uptimeSeconds;
  if (uptimeSeconds === undefined) return 0;
  if (stat.startTimeTicks === null) return null;
  const livedSeconds = uptimeSeconds - stat.startTimeTicks / CLOCK_TICKS_PER_SECOND;
  return livedSeconds > 0 ? ((cpuTicks / CLOCK_TICKS_PER_SECOND) / livedSeconds) * 100 : 0;
}
