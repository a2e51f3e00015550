/**
 * The PIDs to read this tick. After the reader has slept between ticks, listing /proc can cost as
 * much as reading every stat file (bench/RESULTS.md), so it is skipped when no process can have been
 * created: the kernel hands out PIDs in increasing order and /proc/loadavg shows the last one, so
 * an unchanged last PID means no fork since the previous listing, and the PIDs still alive are
 * the previous ones minus those found gone. Processes that exit are noticed by their stat read.
 *
 * Only for the live /proc of the reader's own PID namespace (lastPidIsOurs): loadavg's last PID is
 * that of the reader's namespace, which is another one when a host's /proc is read from a
 * container (--proc /host/proc), or meaningless in a fixture tree. A full listing is still taken
 * every FULL_LISTING_EVERY ticks.
 */
import type { ProcFs } from '../proc/procfs.js';
import type { Loadavg } from '../proc/loadavg.js';

export const FULL_LISTING_EVERY = 30;

/**
 * loadavg's last PID counts in the reader's PID namespace: it tells about this /proc only when
 * /proc shows that namespace, as /proc/self naming this very process says (in a process started
 * by `unshare -p -f` without a /proc of its own, /proc shows the parent namespace, and new
 * processes there would go unseen for FULL_LISTING_EVERY ticks).
 */
export function lastPidIsOurs(procfs: ProcFs, ownPid: number = process.pid): boolean {
  return procfs.root === '/proc' && procfs.selfPid() === ownPid;
}

export class PidLister {
  private readonly procfs: ProcFs;
  private readonly trustLastPid: boolean;
  private alive: number[] | null = null;
  private lastPid: number | null = null;
  private ticksSinceListing = 0;
  /** How many of the ticks so far listed the directory (for tests and the cost display). */
  listings = 0;

  constructor(procfs: ProcFs, trustLastPid = lastPidIsOurs(procfs)) {
    this.procfs = procfs;
    this.trustLastPid = trustLastPid;
  }

  list(loadavg: Loadavg | null): number[] {
    const unchanged = this.trustLastPid && this.alive !== null && loadavg !== null
      && loadavg.lastPid === this.lastPid && this.ticksSinceListing < FULL_LISTING_EVERY - 1;
    if (unchanged) {
      this.ticksSinceListing++;
      return this.alive!;
    }
    this.listings++;
    this.ticksSinceListing = 0;
    this.lastPid = loadavg?.lastPid ?? null;
    this.alive = this.procfs.listPids();
    return this.alive;
  }

  /** The PIDs a tick found alive: the next unchanged tick reads these. */
  keep(alive: number[]): void {
    this.alive = alive;
  }
}
