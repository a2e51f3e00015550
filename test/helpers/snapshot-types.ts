/** The JSON shapes of memtop's reports, as the end-to-end tests read them. */

export interface ProcessJson {
  pid: number;
  ppid: number;
  uid: number | null;
  user: string;
  comm: string;
  cmdline: string;
  state: string;
  threads: number;
  vss: number | null;
  rss: number | null;
  shr: number | null;
  pss: number | null;
  uss: number | null;
  swap: number | null;
  swapPss: number | null;
  cpu: number;
  kernelThread: boolean;
  denied: string[];
}

export interface AggregateJson {
  [key: string]: unknown;
  count: number;
  vss: number | null;
  rss: number | null;
  pss: number | null;
  uss: number | null;
  swap: number | null;
  swapPss: number | null;
  unknown: Record<string, number>;
}

export interface SnapshotJson {
  time: string;
  system: { free: Record<string, number>; detailSource: string; processCount: number };
  processes?: ProcessJson[];
  groupBy?: string;
  groups?: AggregateJson[];
  totals?: AggregateJson;
}

export interface MappingJson {
  start: string;
  end: string;
  perms: string;
  offset: string;
  device: string;
  inode: number;
  path: string;
  kind: string;
  size: number;
  rss: number;
  pss: number;
  uss: number;
  shared: number;
  dirty: number;
  swap: number;
  swapPss: number;
  locked: number;
  count?: number;
}

export interface MapsJson {
  pid: number;
  comm: string;
  mappings: MappingJson[];
  totals: Omit<MappingJson, 'start' | 'end' | 'perms' | 'offset' | 'device' | 'inode' | 'path' | 'kind'> & { count: number };
}

export interface SystemJson {
  meminfo: Record<string, number>;
  free: { total: number; used: number; free: number; shared: number; buffCache: number; available: number; swapTotal: number; swapUsed: number; swapFree: number };
  vmstat: Record<'r' | 'b' | 'si' | 'so' | 'bi' | 'bo' | 'in' | 'cs' | 'us' | 'sy' | 'id' | 'wa' | 'st', number>;
  pressure: { some: { avg10: number; avg60: number; avg300: number; total: number } | null; full: { avg10: number; avg60: number; avg300: number; total: number } | null } | null;
}
