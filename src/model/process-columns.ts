/** The one table of process columns (ids are stable: they appear in --columns, --sort and CSV). */
import type { ProcessSample } from '../sampler/sample.js';
import type { Column, Need } from './column.js';

type P = ProcessSample;

function bytes(id: string, title: string, description: string, needs: Need[], get: (p: P) => number | null): Column<P> {
  return { id, title, description, width: 6, align: 'right', kind: 'bytes', needs, descendingByDefault: true, value: get };
}

/**
 * What COMMAND shows: the command line, or "[comm]" for kernel threads and empty cmdlines (as ps);
 * a command line cut at the sampler's cap ends in "…".
 */
export function commandText(p: P): string {
  return p.cmdline.length > 0 ? (p.cmdlineTruncated ? `${p.cmdline}…` : p.cmdline) : `[${p.comm}]`;
}

export const PROCESS_COLUMNS: readonly Column<P>[] = [
  { id: 'pid', title: 'PID', description: 'Process ID', width: 7, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: false, value: (p) => p.pid },
  { id: 'ppid', title: 'PPID', description: 'Parent process ID', width: 7, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: false, value: (p) => p.ppid },
  { id: 'user', title: 'USER', description: 'Effective user (name from /etc/passwd)', width: 9, align: 'left', kind: 'text', needs: ['status'], descendingByDefault: false, value: (p) => p.user },
  { id: 'uid', title: 'UID', description: 'Effective user ID', width: 6, align: 'right', kind: 'integer', needs: ['status'], descendingByDefault: false, value: (p) => p.uid },
  { id: 'state', title: 'S', description: 'State: R running, S sleeping, D disk wait, Z zombie, T stopped, I idle', width: 1, align: 'left', kind: 'text', needs: ['stat'], descendingByDefault: false, value: (p) => p.state },
  { id: 'threads', title: 'THR', description: 'Number of threads', width: 4, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: true, value: (p) => p.threads },
  { id: 'start', title: 'START', description: 'Start time', width: 8, align: 'right', kind: 'time', needs: ['stat'], descendingByDefault: true, value: (p) => p.startTimeMs },
  bytes('vss', 'VSS', 'Virtual size: all mapped address space (VmSize)', ['status'], (p) => p.vssBytes),
  bytes('rss', 'RSS', 'Resident: shared pages counted in full (Rss)', ['status'], (p) => p.rssBytes),
  bytes('shr', 'SHR', 'Resident and shareable: file-backed + shmem (RssFile + RssShmem)', ['status'], (p) => p.shrBytes),
  bytes('pss', 'PSS', 'Proportional: each shared page divided among its sharers (Pss)', ['detail'], (p) => p.pssBytes),
  bytes('uss', 'USS', 'Unique: resident and private to this process (Private_Clean + Private_Dirty)', ['detail'], (p) => p.ussBytes),
  bytes('swap', 'SWAP', 'Swapped out (Swap, or VmSwap)', ['status'], (p) => p.swapBytes),
  bytes('swapPss', 'SWPSS', 'Swapped out, divided among sharers (SwapPss)', ['detail'], (p) => p.swapPssBytes),
  { id: 'cpu', title: 'CPU%', description: 'CPU use over the last interval (lifetime average on first sight)', width: 5, align: 'right', kind: 'percent', needs: ['stat'], descendingByDefault: true, value: (p) => p.cpuPercent },
  { id: 'mem', title: 'MEM%', description: 'RSS as a share of MemTotal', width: 5, align: 'right', kind: 'percent', needs: ['status'], descendingByDefault: true, value: (p, c) => (p.rssBytes === null || c.memTotalBytes <= 0 ? null : (p.rssBytes / c.memTotalBytes) * 100) },
  { id: 'pssAge', title: 'PSSAGE', description: 'Age of the PSS/USS figures (incremental sampling; unknown where they are)', width: 6, align: 'right', kind: 'duration', needs: ['detail'], descendingByDefault: true, value: (p, c) => (p.pssReadAtMs === null || p.pssBytes === null || c.sampleMonotonicMs === undefined ? null : c.sampleMonotonicMs - p.pssReadAtMs) },
  { id: 'comm', title: 'COMM', description: 'Command name (15 characters, from stat)', width: 15, align: 'left', kind: 'text', needs: ['stat'], descendingByDefault: false, value: (p) => p.comm },
  { id: 'command', title: 'COMMAND', description: 'Command line (or [name] for kernel threads)', width: 0, align: 'left', kind: 'text', needs: ['cmdline'], descendingByDefault: false, value: commandText },
];

export const DEFAULT_PROCESS_COLUMN_IDS = ['pid', 'user', 'vss', 'rss', 'shr', 'pss', 'uss', 'swap', 'cpu', 'mem', 'state', 'command'];

/** True when any of these columns needs smaps_rollup: the sampler then reads it. */
export function needsDetail(columns: readonly Column<P>[]): boolean {
  return columns.some((c) => c.needs.includes('detail'));
}
