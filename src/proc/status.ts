/**
 * /proc/PID/status: identity (uids, gids, threads) and the cheap memory counters, in bytes.
 * Kernel threads and zombies have no Vm and Rss lines: those fields are then null.
 */
import { forEachKeyLine, parseKbValue } from './key-value-lines.js';

export interface PidStatus {
  /**
   * "Name": comm as the kernel escapes it here (a newline as "\\n", a backslash as "\\\\"; other
   * control bytes such as ESC are left raw, measured on 6.18); stat's comm is the raw form.
   * Kept exactly, leading and trailing spaces included.
   */
  name: string;
  state: string;
  tgid: number;
  pid: number;
  ppid: number;
  /** "Uid": real, effective, saved, filesystem. */
  uids: number[];
  gids: number[];
  threads: number;
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

const SIZE_KEYS: Record<string, keyof PidStatus> = {
  VmSize: 'vmSizeBytes',
  VmPeak: 'vmPeakBytes',
  VmLck: 'vmLockedBytes',
  VmHWM: 'vmHwmBytes',
  VmRSS: 'vmRssBytes',
  RssAnon: 'rssAnonBytes',
  RssFile: 'rssFileBytes',
  RssShmem: 'rssShmemBytes',
  VmData: 'vmDataBytes',
  VmStk: 'vmStackBytes',
  VmExe: 'vmExeBytes',
  VmLib: 'vmLibBytes',
  VmPTE: 'vmPteBytes',
  VmSwap: 'vmSwapBytes',
};

function numbers(rest: string): number[] {
  return rest.split(/\s+/).filter(Boolean).map(Number);
}

export function parseStatus(text: string): PidStatus {
  const status: PidStatus = {
    name: '', state: '', tgid: 0, pid: 0, ppid: 0, uids: [], gids: [], threads: 0,
    vmSizeBytes: null, vmPeakBytes: null, vmLockedBytes: null, vmHwmBytes: null, vmRssBytes: null,
    rssAnonBytes: null, rssFileBytes: null, rssShmemBytes: null, vmDataBytes: null,
    vmStackBytes: null, vmExeBytes: null, vmLibBytes: null, vmPteBytes: null, vmSwapBytes: null,
    kthread: null,
  };
  const fields = status as unknown as Record<string, unknown>;
  forEachKeyLine(text, (key, rest, raw) => {
    const sizeKey = SIZE_KEYS[key];
    if (sizeKey) fields[sizeKey] = parseKbValue(rest);
    else if (key === 'Name') status.name = raw.startsWith('\t') ? raw.slice(1) : raw.trimStart();
    else if (key === 'State') status.state = rest.charAt(0);
    else if (key === 'Tgid') status.tgid = Number(rest);
    else if (key === 'Pid') status.pid = Number(rest);
    else if (key === 'PPid') status.ppid = Number(rest);
    else if (key === 'Uid') status.uids = numbers(rest);
    else if (key === 'Gid') status.gids = numbers(rest);
    else if (key === 'Threads') status.threads = Number(rest);
    else if (key === 'Kthread') status.kthread = rest === '1';
  });
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
