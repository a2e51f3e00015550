/** The time source, passed in so tests run on fake time. */
export interface Clock {
  /** Monotonic milliseconds (intervals, ages, costs). */
  monotonicMs(): number;
  /** Wall-clock milliseconds since the epoch (timestamps). */
  epochMs(): number;
}

export const systemClock: Clock = {
  monotonicMs: () => performance.now(),
  epochMs: () => Date.now(),
};

/**
 * USER_HZ: the unit of CPU times in /proc (stat utime/stime/starttime, /proc/stat). It is 100 on
 * every Linux architecture memtop runs on (sysconf(_SC_CLK_TCK); Node has no sysconf).
 */
export const CLOCK_TICKS_PER_SECOND = 100;
