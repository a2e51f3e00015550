/**
 * The one table of process columns. Every output takes its process fields from here: the UI
 * table and its picker, sorting, CSV, JSON (keys in table order), totals, grouped rows and the
 * sampler's reads. Ids are stable: they appear in --columns, --sort and CSV headers. Adding a
 * column is one entry below and its field in ProcessSample (see the README's Contributing).
 */
import type { ProcessSample } from '../sampler/sample.js';
import type { ReadNeed } from '../sampler/read-needs.js';
import type { Column } from './column.js';
import { MIN_GROWTH_SPAN_MS } from './leak-rule.js';

/** Before the GROWTH of a suspected leak. */
export const LEAK_MARK = '!';

type P = ProcessSample;

function bytes(id: string, title: string, description: string, needs: ReadNeed[], json: string, metric: string,
  get: (p: P) => number | null): Column<P> {
  return {
    id, title, description, width: 6, align: 'right', kind: 'bytes', needs, descendingByDefault: true, value: get,
    aggregate: 'sum', json: { name: json }, metric: { name: `memtop_process_${metric}_bytes`, help: description },
  };
}

/**
 * What COMMAND shows: the command line, or "[comm]" for kernel threads and empty cmdlines (as ps);
 * a command line cut at the sampler's cap ends in "…".
 */
export function commandText(p: P): string {
  return p.cmdline.length > 0 ? (p.cmdlineTruncated ? `${p.cmdline}…` : p.cmdline) : `[${p.comm}]`;
}

/** The order is JSON's key order (the columns JSON leaves out come last). */
export const PROCESS_COLUMNS: readonly Column<P>[] = [
  { id: 'pid', title: 'PID', description: 'Process ID', width: 7, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: false, value: (p) => p.pid, json: { name: 'pid' } },
  { id: 'ppid', title: 'PPID', description: 'Parent process ID', width: 7, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: false, value: (p) => p.ppid, json: { name: 'ppid' } },
  { id: 'uid', title: 'UID', description: 'Effective user ID', width: 6, align: 'right', kind: 'integer', needs: ['status'], descendingByDefault: false, value: (p) => p.uid, json: { name: 'uid' } },
  { id: 'user', title: 'USER', description: 'Effective user (name from /etc/passwd)', width: 9, align: 'left', kind: 'text', needs: ['status'], descendingByDefault: false, value: (p) => p.user, json: { name: 'user' } },
  { id: 'comm', title: 'COMM', description: 'Command name (15 characters, from stat)', width: 15, align: 'left', kind: 'text', needs: ['stat'], descendingByDefault: false, value: (p) => p.comm, json: { name: 'comm' } },
  // JSON keeps the command line exactly (empty for kernel threads), not the "[comm]" shown.
  { id: 'command', title: 'COMMAND', description: 'Command line (or [name] for kernel threads)', width: 0, align: 'left', kind: 'text', needs: ['cmdline'], descendingByDefault: false, value: commandText, json: { name: 'cmdline', value: (p) => p.cmdline } },
  { id: 'state', title: 'S', description: 'State: R running, S sleeping, D disk wait, Z zombie, T stopped, I idle', width: 1, align: 'left', kind: 'text', needs: ['stat'], descendingByDefault: false, value: (p) => p.state, json: { name: 'state' } },
  {
    id: 'threads', title: 'THR', description: 'Number of threads', width: 4, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: true, value: (p) => p.threads,
    aggregate: 'sum', json: { name: 'threads' }, metric: { name: 'memtop_process_threads', help: 'Number of threads' },
  },
  bytes('vss', 'VSS', 'Virtual size: all mapped address space (VmSize)', ['status'], 'vss', 'vss', (p) => p.vssBytes),
  bytes('rss', 'RSS', 'Resident: shared pages counted in full (Rss)', ['status'], 'rss', 'rss', (p) => p.rssBytes),
  bytes('shr', 'SHR', 'Resident and shareable: file-backed + shmem (RssFile + RssShmem)', ['status'], 'shr', 'shr', (p) => p.shrBytes),
  bytes('pss', 'PSS', 'Proportional: each shared page divided among its sharers (Pss)', ['rollup'], 'pss', 'pss', (p) => p.pssBytes),
  bytes('uss', 'USS', 'Unique: resident and private to this process (Private_Clean + Private_Dirty)', ['rollup'], 'uss', 'uss', (p) => p.ussBytes),
  bytes('swap', 'SWAP', 'Swapped out (Swap, or VmSwap)', ['status'], 'swap', 'swap', (p) => p.swapBytes),
  bytes('swapPss', 'SWPSS', 'Swapped out, divided among sharers (SwapPss)', ['rollup'], 'swapPss', 'swap_pss', (p) => p.swapPssBytes),
  // A group's or the total's peak is the largest one: peaks are not simultaneous, a sum means nothing.
  // Not in the snapshot JSON, whose keys are fixed (`memtop leaks --json` carries it).
  { ...bytes('peak', 'PEAK', 'Peak resident size: the kernel\'s high-water mark (VmHWM)', ['status', 'peak'], 'peakRss', 'peak_rss', (p) => p.peakRssBytes), aggregate: 'max', json: undefined },
  {
    id: 'cpu', title: 'CPU%', description: 'CPU use over the last interval (lifetime average on first sight)', width: 5, align: 'right', kind: 'percent', needs: ['stat'], descendingByDefault: true, value: (p) => p.cpuPercent,
    aggregate: 'sum', json: { name: 'cpu' }, metric: { name: 'memtop_process_cpu_percent', help: 'CPU use over the last interval, percent of one core' },
  },
  // From the per-process history (the UI's): a one-shot report has no figure, and JSON leaves it out.
  {
    id: 'growth', title: 'GROWTH', description: `Memory growth per minute: least-squares slope of USS (RSS where USS is unknown) over 5 min, after ${MIN_GROWTH_SPAN_MS / 1000} s of data; ${LEAK_MARK} marks a suspected leak`,
    width: 8, align: 'right', kind: 'growth', needs: ['rollup'], descendingByDefault: true,
    value: (p, c) => c.growthOf?.(p)?.fit.bytesPerMinute ?? null,
    mark: (p, c) => (c.growthOf?.(p)?.suspected ? LEAK_MARK : ''),
  },
  // Derived from rss and MemTotal, both in the JSON: JSON leaves it out.
  { id: 'mem', title: 'MEM%', description: 'RSS as a share of MemTotal', width: 5, align: 'right', kind: 'percent', needs: ['status'], descendingByDefault: true, value: (p, c) => (p.rssBytes === null || c.memTotalBytes <= 0 ? null : (p.rssBytes / c.memTotalBytes) * 100), aggregate: 'sum' },
  { id: 'start', title: 'START', description: 'Start time', width: 8, align: 'right', kind: 'time', needs: ['stat'], descendingByDefault: true, value: (p) => p.startTimeMs },
  // A one-shot snapshot reads every figure fresh (age 0): JSON leaves it out.
  { id: 'pssAge', title: 'PSSAGE', description: 'Age of the PSS/USS figures (incremental sampling; unknown where they are)', width: 6, align: 'right', kind: 'duration', needs: ['rollup'], descendingByDefault: true, value: (p, c) => (p.pssReadAtMs === null || p.pssBytes === null || c.sampleMonotonicMs === undefined ? null : c.sampleMonotonicMs - p.pssReadAtMs), aggregate: 'max' },
];

export const DEFAULT_PROCESS_COLUMN_IDS = ['pid', 'user', 'vss', 'rss', 'shr', 'pss', 'uss', 'swap', 'cpu', 'mem', 'state', 'command'];

/** The columns whose values combine over rows (groups, totals), in table order. */
export const AGGREGATED_PROCESS_COLUMNS: readonly Column<P>[] = PROCESS_COLUMNS.filter((c) => c.aggregate !== undefined && c.aggregate !== 'none');
