/**
 * One tick of the sampler: the system part and one record per process. Sizes are bytes; a value
 * the kernel did not give us (refused, not read) is null, never 0.
 */
import type { Meminfo } from '../proc/meminfo.js';
import type { Vmstat } from '../proc/vmstat.js';
import type { SystemStat } from '../proc/system-stat.js';
import type { Pressure } from '../proc/pressure.js';
import type { Loadavg } from '../proc/loadavg.js';
import type { Uptime } from '../proc/uptime.js';
import type { SmapsTable } from '../proc/smaps-table.js';
import type { Hidepid } from '../proc/mountinfo.js';
import type { ReadNeed } from './read-needs.js';
import type { CgroupCharge } from '../proc/cgroup-memory.js';

export interface ProcessSample {
  pid: number;
  ppid: number;
  /**
   * The effective uid: the owner of /proc/PID, as ps, htop and smem read it (status's second Uid
   * field on a copy of /proc, whose files belong to whoever copied them).
   */
  uid: number | null;
  /** User name from /etc/passwd, or the uid as text. */
  user: string;
  /** R, S, D, Z, T, I, ... (stat field 3). */
  state: string;
  threads: number;
  /**
   * Start time after boot in clock ticks: with pid, the identity of a process (PIDs are reused).
   * −1 when stat's figure is impossible (negative, or beyond 2^53 − 1): an identity, never shown
   * (startTimeMs is then null).
   */
  startTimeTicks: number;
  /** Start time, ms since the epoch; null when the start time or the boot time (btime) is unknown. */
  startTimeMs: number | null;
  /** Raw command name from stat; untrusted. */
  comm: string;
  /**
   * Arguments joined by spaces (empty for kernel threads, or when not read); untrusted. Read once
   * per process, at most CMDLINE_MAX_BYTES of it.
   */
  cmdline: string;
  /** The command line went on past CMDLINE_MAX_BYTES: `cmdline` is its beginning. */
  cmdlineTruncated: boolean;
  /**
   * The cgroup that accounts the process's memory (/proc/PID/cgroup: the v1 memory controller's
   * path on a hybrid system, else the v2 "0::" path); null when not read or unknown. Untrusted.
   */
  cgroupPath: string | null;
  /** Virtual size (stat's vsize, = status's VmSize). */
  vssBytes: number | null;
  /** Rss from smaps_rollup, or VmRSS from status when the rollup is not read or refused. */
  rssBytes: number | null;
  /**
   * Resident file and shmem pages, as top's SHR: Rss − Anonymous of smaps_rollup, or
   * RssFile + RssShmem from status when there is no rollup (not read, refused).
   */
  shrBytes: number | null;
  pssBytes: number | null;
  /** Private_Clean + Private_Dirty. */
  ussBytes: number | null;
  /** Swap from smaps_rollup, VmSwap from status as a fallback. */
  swapBytes: number | null;
  swapPssBytes: number | null;
  /** The kernel's high-water mark of the resident size (VmHWM in status). */
  peakRssBytes: number | null;
  /** utime + stime, clock ticks; null when stat's figure is impossible. */
  cpuTicks: number | null;
  /** CPU use since the previous sample of this process, or the lifetime average on first sight; null when unknown. */
  cpuPercent: number | null;
  kernelThread: boolean;
  /**
   * When the PSS/USS figures were read, on the sample's monotonic clock (Sample.monotonicMs), or
   * null if never: incremental sampling re-reads them only when needed, so their age is
   * monotonicMs − pssReadAtMs. A timestamp rather than an age, so that an idle process's record
   * stays the same object from tick to tick.
   */
  pssReadAtMs: number | null;
  /** Files the kernel refused ("smaps_rollup", "smaps"): their figures are null. */
  denied: string[];
  /**
   * Figures the kernel printed that cannot be true ("stat vsize", "smaps_rollup Anonymous > Rss")
   * or files that came back garbled ("status"): the figures they give are null. Absent when none.
   */
  invalid?: string[];
}

/** A process's identity: PIDs are reused, pid + start time is not. */
export interface ProcessIdentity {
  pid: number;
  startTimeTicks: number;
}

/** What the worker read of /proc/PID/smaps for the Mappings view. */
export type MappingsReading =
  | {
    kind: 'ok'; comm: string; mappings: SmapsTable;
    /** How long the read took, and how often it is repeated when that is longer than the interval. */
    readMs?: number; everyMs?: number | null;
  }
  | { kind: 'denied' }
  | { kind: 'gone' };

export interface SystemSample {
  meminfo: Meminfo;
  vmstat: Vmstat;
  stat: SystemStat;
  /** null where the kernel has no PSI (before 4.20, or CONFIG_PSI off). */
  pressure: Pressure | null;
  loadavg: Loadavg | null;
  uptime: Uptime | null;
  /** The proc root is mounted with hidepid (other users' processes hidden from all but root); absent otherwise. */
  hidepid?: Hidepid;
}

export type MemoryDetailSource = 'smaps_rollup' | 'smaps' | 'off';

export interface Sample {
  /** Wall-clock time of the sample, ms since the epoch. */
  timeMs: number;
  /** Monotonic time of the sample, ms: what rates are computed from. */
  monotonicMs: number;
  system: SystemSample;
  processes: ProcessSample[];
  /** Where PSS/USS came from this tick ("off" when no shown column needs them). */
  detailSource: MemoryDetailSource;
  /** What the tick read and met. */
  stats: SampleStats;
  /** The sample's own cost, ms of wall time. */
  costMs: number;
  /** memtop's own process (all its threads), from the real /proc whatever the sampled root. */
  own: OwnUsage;
  /** The charge of each cgroup of the processes, when the cgroup need is on and a cgroup root is known. */
  cgroupCharges?: CgroupCharge[];
}

export interface OwnUsage {
  /** CPU time used since the previous sample, % of one core; null on the first sample. */
  cpuPercent: number | null;
  /** Resident memory of the whole process, bytes. */
  rssBytes: number;
}

/** Files opened this tick, by kind (smaps, where it replaces smaps_rollup, counts as rollup). */
export type ReadCounts = Record<Exclude<ReadNeed, 'peak'>, number>;

export function noReads(): ReadCounts {
  return { stat: 0, status: 0, rollup: 0, cmdline: 0, cgroup: 0 };
}

export interface SampleStats {
  /** PIDs listed in the proc root. */
  listed: number;
  /** Processes absent from this sample: they exited while being read (or, rarely, a file came back cut short). */
  gone: number;
  /** Processes whose memory detail was refused. */
  denied: number;
  /** Per-process files read this tick, by kind. */
  reads: ReadCounts;
  /** Files refused (not a regular file, beyond its cap: procfs.ts), a few at most, as "PATH: why". */
  refused: string[];
  /**
   * Processes listed but left out of the sample for a reason other than an exit: their stat
   * refused (hidepid) or garbled. Absent when there are none.
   */
  unreadable?: UnreadableProcess[];
}

export interface UnreadableProcess {
  pid: number;
  /** The file that could not be read: "stat". */
  file: string;
  why: 'refused' | 'garbled';
}
