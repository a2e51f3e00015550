/**
 * What every process's track shares: the tick times, the pools its rows live in, and the limits
 * of the windows. One per ProcessHistory.
 */
import { RowList, RowPool } from './row-pool.js';
import { TickTimes } from './tick-times.js';

/** Set on a row's key: the process was absent from this tick (or minute) until the next row. */
export const ABSENT = 0x8000_0000;
/** The tick or minute number in a row's key. */
export const NUMBER_MASK = 0x7fff_ffff;

/** The fields, in the order of the minute rows. */
export const FIELDS = ['rss', 'pss', 'uss', 'swap', 'cpu'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_INDEX: Record<Field, number> = { rss: 0, pss: 1, uss: 2, swap: 3, cpu: 4 };
/** Minute columns: min, mean, max of each field. */
export const STATS_PER_FIELD = 3;

/** Counter columns (read every sample, stored when one changes): rss, swap, cpu. */
export const COUNTER_WIDTH = 3;
/** Detail columns (stored on each new PSS/USS reading): pss, uss, age of the reading in ms. */
export const DETAIL_WIDTH = 3;
/** Minute columns: min, mean, max of rss, pss, uss, swap, cpu. */
export const MINUTE_WIDTH = 15;

export class TrackSpace {
  readonly ticks = new TickTimes();
  // An idle process holds one counter row and one minute row, and a PSS/USS row every few seconds.
  readonly counters = new RowPool(COUNTER_WIDTH, 2);
  readonly details = new RowPool(DETAIL_WIDTH, 8);
  readonly minutes = new RowPool(MINUTE_WIDTH, 1);
  /** The rows of a list not made yet: always empty (nothing is pushed to it). */
  readonly noRows = new RowList(this.counters, 1);
  /** The oldest minute kept (minutes before it are dropped). */
  firstMinute = 0;
  /** Reused by points(): a fit reads one track's series at a time. */
  scratchTimes = new Float64Array(0);
  scratchValues = new Float64Array(0);

  constructor(readonly fullCapacity: number, readonly minuteCapacity: number) {}

  /** Scratch arrays of at least n entries. */
  scratch(n: number): { times: Float64Array; values: Float64Array } {
    if (this.scratchTimes.length < n) {
      this.scratchTimes = new Float64Array(Math.max(n, this.scratchTimes.length * 2));
      this.scratchValues = new Float64Array(this.scratchTimes.length);
    }
    return { times: this.scratchTimes, values: this.scratchValues };
  }

  get byteSize(): number {
    return this.ticks.byteSize + this.counters.byteSize + this.details.byteSize + this.minutes.byteSize
      + this.scratchTimes.byteLength + this.scratchValues.byteLength;
  }
}
