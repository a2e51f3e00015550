/**
 * The summary `free` prints, computed as procps-ng 4 computes it (checked against free 4.0.2):
 * buff/cache = Buffers + Cached + SReclaimable, used = MemTotal − MemAvailable.
 */
import type { Meminfo } from '../proc/meminfo.js';

export interface FreeSummary {
  total: number;
  /** Null when MemFree exceeds MemTotal (corrupt figures: no used memory can be negative). */
  used: number | null;
  free: number;
  shared: number;
  buffers: number;
  /** Cached + SReclaimable. */
  cache: number;
  buffCache: number;
  available: number;
  swapTotal: number;
  /** SwapTotal − SwapFree; null when SwapFree exceeds SwapTotal (corrupt figures: no used swap can be negative). */
  swapUsed: number | null;
  swapFree: number;
}

/** The field or 0 when this kernel does not have it (older kernels lack MemAvailable, SReclaimable...). */
function meminfoField(meminfo: Meminfo, key: string): number {
  return meminfo[key] ?? 0;
}

export function freeSummary(meminfo: Meminfo): FreeSummary {
  const total = meminfoField(meminfo, 'MemTotal');
  const free = meminfoField(meminfo, 'MemFree');
  const buffers = meminfoField(meminfo, 'Buffers');
  const cache = meminfoField(meminfo, 'Cached') + meminfoField(meminfo, 'SReclaimable');
  // As procps-ng 4's library/meminfo.c: a MemAvailable of 0 or none (kernels before 3.14) is taken
  // as MemFree; so is one above MemTotal (a container's distorted figures), once used is worked
  // out (then from MemFree too, as the difference is negative). Checked against free 4.0.2.
  const reported = meminfo.MemAvailable ? meminfo.MemAvailable : free;
  let used: number | null = total - reported;
  if (used < 0) used = total - free;
  if (used < 0) used = null;
  const available = reported > total ? free : reported;
  const swapTotal = meminfoField(meminfo, 'SwapTotal');
  const swapFree = meminfoField(meminfo, 'SwapFree');
  return {
    total, used, free, shared: meminfoField(meminfo, 'Shmem'), buffers, cache,
    buffCache: buffers + cache, available, swapTotal, swapUsed: swapFree > swapTotal ? null : swapTotal - swapFree, swapFree,
  };
}

/** Why a figure of the summary is unknown ("-"), or null when all are known. */
export function freeNote(f: FreeSummary): string | null {
  const problems: string[] = [];
  if (f.used === null) problems.push('MemFree exceeds MemTotal: used memory');
  if (f.swapUsed === null) problems.push('SwapFree exceeds SwapTotal: used swap');
  return problems.length === 0 ? null : `meminfo is corrupt (${problems.join('; ')} unknown, shown as -)`;
}
