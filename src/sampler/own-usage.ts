/**
 * memtop's own cost, as top would show it: the CPU time of the whole process (every thread:
 * the UI, the sampler worker, V8's helpers) from utime + stime of the real /proc/self/stat, as a
 * rate between two readings, and the process's resident memory. Always the real /proc, whatever
 * root is sampled (--proc DIR), since it is this process that is measured.
 */
import { isFailure, ProcFs } from '../proc/procfs.js';
import { cpuTicksOf, parsePidStat } from '../proc/pid-stat.js';
import { CLOCK_TICKS_PER_SECOND } from './clock.js';
import type { OwnUsage } from './sample.js';

export class OwnUsageMeter {
  private procfs: ProcFs | null = null;
  private last: { cpuTicks: number; atMs: number } | null = null;

  read(): OwnUsage {
    const cpuTicks = this.cpuTicks();
    const atMs = performance.now();
    const last = this.last;
    this.last = cpuTicks === null ? null : { cpuTicks, atMs };
    const cpuPercent = last === null || cpuTicks === null || atMs <= last.atMs
      ? null
      : Math.max(0, (((cpuTicks - last.cpuTicks) / CLOCK_TICKS_PER_SECOND) * 1000 * 100) / (atMs - last.atMs));
    return { cpuPercent, rssBytes: process.memoryUsage.rss() };
  }

  private cpuTicks(): number | null {
    this.procfs ??= new ProcFs('/proc');
    const text = this.procfs.readSingle('self/stat');
    if (isFailure(text)) return null;
    const stat = parsePidStat(text);
    return stat === null ? null : cpuTicksOf(stat);
  }
}
