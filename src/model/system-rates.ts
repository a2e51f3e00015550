/**
 * vmstat's columns from two system readings: procs (r, b), swap and block I/O, interrupts and
 * context switches per second, and CPU shares. si/so/bi/bo are bytes per second here (vmstat
 * prints KiB/s); us = user + nice and sy = system + irq + softirq, as vmstat.
 */
import { totalTicks } from '../proc/system-stat.js';
import type { SystemSample } from '../sampler/sample.js';

export interface VmstatRates {
  /** Runnable tasks (procs_running) and tasks blocked on I/O (procs_blocked), now. */
  r: number;
  b: number;
  /** Swapped in / out, bytes per second. */
  si: number;
  so: number;
  /** Read from / written to block devices, bytes per second. */
  bi: number;
  bo: number;
  /** Interrupts and context switches per second. */
  in: number;
  cs: number;
  /** CPU time shares in percent: user, system, idle, I/O wait, stolen. */
  us: number;
  sy: number;
  id: number;
  wa: number;
  st: number;
}

export function vmstatRates(before: SystemSample, after: SystemSample, elapsedMs: number, pageSizeBytes: number): VmstatRates {
  const seconds = Math.max(elapsedMs, 1) / 1000;
  const delta = (key: string) => Math.max(0, (after.vmstat[key] ?? 0) - (before.vmstat[key] ?? 0));
  const perSecond = (n: number) => n / seconds;
  const a = after.stat.cpu;
  const b = before.stat.cpu;
  const ticks = Math.max(totalTicks(a) - totalTicks(b), 0);
  const share = (n: number) => (ticks > 0 ? (Math.max(n, 0) / ticks) * 100 : 0);
  return {
    r: after.stat.procsRunning,
    b: after.stat.procsBlocked,
    si: perSecond(delta('pswpin') * pageSizeBytes),
    so: perSecond(delta('pswpout') * pageSizeBytes),
    // pgpgin/pgpgout count KiB.
    bi: perSecond(delta('pgpgin') * 1024),
    bo: perSecond(delta('pgpgout') * 1024),
    in: perSecond(Math.max(0, after.stat.interrupts - before.stat.interrupts)),
    cs: perSecond(Math.max(0, after.stat.contextSwitches - before.stat.contextSwitches)),
    us: share(a.user - b.user + a.nice - b.nice),
    sy: share(a.system - b.system + a.irq - b.irq + a.softirq - b.softirq),
    id: share(a.idle - b.idle),
    wa: share(a.iowait - b.iowait),
    st: share(a.steal - b.steal),
  };
}
