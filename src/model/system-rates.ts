/**
 * vmstat's columns from two system readings: procs (r, b), swap and block I/O, interrupts and
 * context switches per second, and CPU shares. si/so/bi/bo are bytes per second here (vmstat
 * prints KiB/s); us = user + nice and sy = system + irq + softirq, as vmstat. A figure whose
 * source is missing (no /proc/stat, a vmstat without the counter) is null, never 0; so are the
 * CPU shares when no CPU time passed between the readings (nothing to share).
 */
import type { CpuTicks } from '../proc/system-stat.js';
import type { SystemSample } from '../sampler/sample.js';

export interface VmstatRates {
  /** Runnable tasks (procs_running) and tasks blocked on I/O (procs_blocked), now. */
  r: number | null;
  b: number | null;
  /** Swapped in / out, bytes per second. */
  si: number | null;
  so: number | null;
  /** Read from / written to block devices, bytes per second. */
  bi: number | null;
  bo: number | null;
  /** Interrupts and context switches per second. */
  in: number | null;
  cs: number | null;
  /** CPU time shares in percent: user, system, idle, I/O wait, stolen. */
  us: number | null;
  sy: number | null;
  id: number | null;
  wa: number | null;
  st: number | null;
}

export function vmstatRates(before: SystemSample, after: SystemSample, elapsedMs: number, pageSizeBytes: number): VmstatRates {
  const seconds = Math.max(elapsedMs, 1) / 1000;
  const perSecond = (n: number) => n / seconds;
  /** The growth of a vmstat counter per second, scaled; null when either reading lacks it. */
  const counter = (key: string, scale: number) => {
    const was = before.vmstat[key];
    const is = after.vmstat[key];
    return was === undefined || is === undefined ? null : perSecond(Math.max(0, is - was) * scale);
  };
  const stats = before.stat.present && after.stat.present;
  const a = after.stat.cpu;
  const b = before.stat.cpu;
  const ticks = Math.max(totalTicks(a) - totalTicks(b), 0);
  const share = (n: number) => (stats && ticks > 0 ? (Math.max(n, 0) / ticks) * 100 : null);
  return {
    r: after.stat.present ? after.stat.procsRunning : null,
    b: after.stat.present ? after.stat.procsBlocked : null,
    si: counter('pswpin', pageSizeBytes),
    so: counter('pswpout', pageSizeBytes),
    // pgpgin/pgpgout count KiB.
    bi: counter('pgpgin', 1024),
    bo: counter('pgpgout', 1024),
    in: stats ? perSecond(Math.max(0, after.stat.interrupts - before.stat.interrupts)) : null,
    cs: stats ? perSecond(Math.max(0, after.stat.contextSwitches - before.stat.contextSwitches)) : null,
    us: share(a.user - b.user + a.nice - b.nice),
    sy: share(a.system - b.system + a.irq - b.irq + a.softirq - b.softirq),
    id: share(a.idle - b.idle),
    wa: share(a.iowait - b.iowait),
    st: share(a.steal - b.steal),
  };
}

/** Sum of all states: the elapsed CPU time a delta of two readings is divided by. */
export function totalTicks(ticks: CpuTicks): number {
  // guest and guest_nice are already counted in user and nice.
  return ticks.user + ticks.nice + ticks.system + ticks.idle + ticks.iowait + ticks.irq + ticks.softirq + ticks.steal;
}
