/**
 * The rows of a leak report (`memtop leaks`): every process of the latest sample that has a
 * growth figure, suspected leaks first, then by growth, largest first.
 */
import type { Sample } from '../sampler/sample.js';
import type { ProcessHistory } from './process-history.js';

export interface LeakRow {
  pid: number;
  startTimeTicks: number;
  /** Untrusted. */
  comm: string;
  /** Untrusted. */
  cmdline: string;
  suspected: boolean;
  basis: 'uss' | 'rss';
  bytesPerMinute: number;
  r2: number;
  /** The span of the fitted data, ms. */
  spanMs: number;
  /** The first and last size in the fit (of the basis), bytes. */
  startBytes: number;
  endBytes: number;
  /** VmHWM, and the highest USS memtop saw. */
  peakRssBytes: number | null;
  peakUssBytes: number | null;
}

export function leakRows(history: ProcessHistory, latest: Sample | null): LeakRow[] {
  const rows: LeakRow[] = [];
  for (const p of latest?.processes ?? []) {
    if (p.kernelThread) continue;
    const identity = { pid: p.pid, startTimeTicks: p.startTimeTicks };
    const growth = history.growthOf(identity);
    if (growth === null) continue;
    const track = history.track(identity);
    rows.push({
      pid: p.pid, startTimeTicks: p.startTimeTicks, comm: p.comm, cmdline: p.cmdline, suspected: growth.suspected, basis: growth.basis,
      bytesPerMinute: growth.fit.bytesPerMinute, r2: growth.fit.r2, spanMs: growth.fit.spanMs,
      startBytes: growth.fit.firstBytes, endBytes: growth.fit.lastBytes,
      peakRssBytes: p.peakRssBytes, peakUssBytes: track?.peakUssBytes ?? null,
    });
  }
  return rows.sort((a, b) => Number(b.suspected) - Number(a.suspected) || b.bytesPerMinute - a.bytesPerMinute || a.pid - b.pid);
}
