/**
 * /proc/PID/status: identity (uids, gids, threads) and the cheap memory counters, in bytes.
 * Kernel threads and zombies have no Vm and Rss lines: those fields are then null.
 */
import { kbAt } from './key-value-lines.js';
import { exactCount } from './decimal.js';

export interface PidStatus {
  /**
   * "Name": comm as the kernel escapes it here (a newline as "\\n", a backslash as "\\\\"; other
   * control bytes such as ESC are left raw, as Linux 6.18 prints it); stat's comm is the raw form.
   * Kept exactly, leading and trailing spaces included.
   */
  name: string;
  state: string;
  /** Null where the line is missing or not a whole unsigned number (a garbled or cut file). */
  tgid: number | null;
  pid: number | null;
  ppid: number | null;
  /** "Uid": real, effective, saved, filesystem; empty when the line is missing or holds anything but numbers. */
  uids: number[];
  gids: number[];
  threads: number | null;
  /** VmSize: virtual size (VSS). */
  vmSizeBytes: number | null;
  vmPeakBytes: number | null;
  vmLockedBytes: number | null;
  vmHwmBytes: number | null;
  /** VmRSS = RssAnon + RssFile + RssShmem. */
  vmRssBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  vmDataBytes: number | null;
  vmStackBytes: number | null;
  vmExeBytes: number | null;
  vmLibBytes: number | null;
  vmPteBytes: number | null;
  /** VmSwap: swapped-out anonymous memory. */
  vmSwapBytes: number | null;
  /** "Kthread: 1" on kernels that print it (6.x); null where absent. */
  kthread: boolean | null;
}

const SIZE_KEYS = new Map<string, keyof PidStatus>([
  ['VmSize', 'vmSizeBytes'],
  ['VmPeak', 'vmPeakBytes'],
  ['VmLck', 'vmLockedBytes'],
  ['VmHWM', 'vmHwmBytes'],
  ['VmRSS', 'vmRssBytes'],
  ['RssAnon', 'rssAnonBytes'],
  ['RssFile', 'rssFileBytes'],
  ['RssShmem', 'rssShmemBytes'],
  ['VmData', 'vmDataBytes'],
  ['VmStk', 'vmStackBytes'],
  ['VmExe', 'vmExeBytes'],
  ['VmLib', 'vmLibBytes'],
  ['VmPTE', 'vmPteBytes'],
  ['VmSwap', 'vmSwapBytes'],
]);

/** Whitespace-separated unsigned numbers ("0\t0\t0\t0"); [] when any is not one: a uid is exact or unknown. */
function numbers(value: string): number[] {
  const parsed = value.split(/[ \t]+/).filter(Boolean).map(exactCount);
  return parsed.every((n) => n !== null) ? parsed as number[] : [];
}

/**
 * The lines parseStatus reads. A regular expression runs as native code from the first call, so
 * it suits a one-shot report (no time for the JIT to warm up) as well as the UI's ticks.
 *
 * Lines end at "\n" only: the Name line is the process's comm, which its owner writes, and the
 * kernel escapes "\n" in it but not "\r", U+2028 or U+2029, which a multiline `^`/`$` would also
 * take for line ends (a comm of "x\rThreads:\t1" ended the parse before Pid, and the process
 * vanished from memtop).
 */
const STATUS_LINE = /(?:^|\n)(Name|State|Tgid|Pid|PPid|Uid|Gid|Threads|Kthread|Vm[A-Za-z]+|Rss[A-Za-z]+):([^\n]*)/g;

export function parseStatus(text: string): PidStatus {
  const status: PidStatus = {
    name: '', state: '', tgid: null, pid: null, ppid: null, uids: [], gids: [], threads: null,
    vmSizeBytes: null, vmPeakBytes: null, vmLockedBytes: null, vmHwmBytes: null, vmRssBytes: null,
    rssAnonBytes: null, rssFileBytes: null, rssShmemBytes: null, vmDataBytes: null,
    vmStackBytes: null, vmExeBytes: null, vmLibBytes: null, vmPteBytes: null, vmSwapBytes: null,
    kthread: null,
  };
  const fields = status as unknown as Record<string, unknown>;
  STATUS_LINE.lastIndex = 0;
  for (let m = STATUS_LINE.exec(text); m !== null; m = STATUS_LINE.exec(text)) {
    const key = m[1];
    const value = m[2];
    const sizeKey = SIZE_KEYS.get(key);
    if (sizeKey !== undefined) {
      fields[sizeKey] = kbAt(value, 0, value.length);
      continue;
    }
    switch (key) {
      // Kept exactly: the kernel separates it with one tab; hand-written text may use spaces.
      case 'Name': status.name = value.startsWith('\t') ? value.slice(1) : value.trimStart(); break;
      case 'State': status.state = value.trim().charAt(0); break;
      case 'Tgid': status.tgid = exactCount(value.trim()); break;
      case 'Pid': status.pid = exactCount(value.trim()); break;
      case 'PPid': status.ppid = exactCount(value.trim()); break;
      case 'Uid': status.uids = numbers(value); break;
      case 'Gid': status.gids = numbers(value); break;
      case 'Kthread': status.kthread = value.trim() === '1'; break;
      // Every field read here comes before Threads; the ~25 lines after it (signal masks,
      // capabilities, CPU lists) are not scanned.
      case 'Threads': status.threads = exactCount(value.trim()); return status;
    }
  }
  return status;
}

/** SHR as top computes it: resident and shareable, RssFile + RssShmem. */
export function sharedBytes(status: PidStatus): number | null {
  if (status.rssFileBytes === null || status.rssShmemBytes === null) return null;
  return status.rssFileBytes + status.rssShmemBytes;
}

/** The effective uid (the owner ps and top show). */
export function effectiveUid(status: PidStatus): number | null {
  return status.uids.length >= 2 ? status.uids[1] : null;
}
