/**
 * The summary `free` prints, computed as procps-ng 4 computes it (checked against free 4.0.2):
 * buff/cache = Buffers + Cached + SReclaimable, used = MemTotal − MemAvailable.
 */
import { meminfoField, type Meminfo } from '../proc/meminfo.js';

export interface FreeSummary {
  total: number;
  used: number;
  free: number;
  shared: number;
  buffers: number;
  /** Cached + SReclaimable. */
  cache: number;
  buffCache: number;
  available: number;
  swapTotal: number;
  swapUsed: number;
  swapFree: number;
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
  let used = total - reported;
  if (used < 0) used = total - free;
  const available = reported > total ? free : reported;
  const swapTotal = meminfoField(meminfo, 'SwapTotal');
  const swapFree = meminfoField(meminfo, 'SwapFree');
  return {
    total, used, free, shared: meminfoField(meminfo, 'Shmem'), buffers, cache,
    buffCache: buffers + cache, available, swapTotal, swapUsed: swapTotal - swapFree, swapFree,
  };
}
