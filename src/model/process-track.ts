/**
 * One process's history, stored as change points in the history's pools (track-space.ts):
 * - counters (RSS, swap, CPU), read every sample: a row only on a tick where one of them changed,
 *   holding until the next row (an idle process's counters are the same from tick to tick);
 * - PSS, USS and the reading's age: a row on each tick that brought a new reading, nothing on
 *   the others (never the last value repeated);
 * - per minute, min / mean / max of each field: a row only when the minute differs from the last.
 * A row keyed ABSENT marks ticks (or minutes) the process was missing from. Read back, the series
 * are per tick and per minute, exactly what was sampled (Float32, see row-pool.ts).
 */
import type { ProcessIdentity, ProcessSample } from '../sampler/sample.js';
import { MS_PER_MINUTE, type Points } from './growth.js';
import { RowList } from './row-pool.js';
import type { Growth } from './track-growth.js';
import { ABSENT, COUNTER_WIDTH, DETAIL_WIDTH, MINUTE_WIDTH, NUMBER_MASK, type Field, type TrackSpace } from './track-space.js';
import { minuteStats, readMinutes, type MinuteSeries } from './track-minutes.js';

export { FIELDS, FIELD_INDEX, STATS_PER_FIELD, type Field } from './track-space.js';

/** Where each series is stored: a counter column, or a detail column. */
const COUNTER_COLUMN: Partial<Record<Field | 'age', number>> = { rss: 0, swap: 1, cpu: 2 };
const DETAIL_COLUMN: Partial<Record<Field | 'age', number>> = { pss: 0, uss: 1, age: 2 };
const NO_VALUES = new Float64Array(MINUTE_WIDTH).fill(NaN);

function orNaN(value: number | null | undefined): number {
  return value === null || value === undefined ? NaN : Math.fround(value);
}

function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

export class ProcessTrack {
  /** Scratch rows, shared: add() runs to its end before another track's. */
  private static readonly COUNTERS = new Float64Array(COUNTER_WIDTH);
  private static readonly DETAILS = new Float64Array(DETAIL_WIDTH);
  private static readonly MINUTE = new Float64Array(MINUTE_WIDTH);
  private readonly counters: RowList;
  /** Made on the first PSS/USS reading and the first closed minute: a short-lived process may need neither. */
  private detailList: RowList | null = null;
  private minuteList: RowList | null = null;
  private lastSeenTick = -1;
  private lastDetailAtMs = -Infinity;
  private gatheringMinute = -1;
  private lastClosedMinute = -1;
  /** Store time (ms since the history's origin) of the first and the last sample that had the process. */
  firstSeenMs = -1;
  lastSeenMs = 0;
  /** The latest growth (track-growth.ts), and the ticks of the first and last USS readings it fitted. */
  growth: Growth | null = null;
  growthFirstReading = -2;
  growthLastReading = -2;
  /** The older process that had the same PID, while its history is kept (process-history.ts). */
  older: ProcessTrack | null = null;
  peakPssBytes: number | null = null;
  peakUssBytes: number | null = null;
  peakRssBytes: number | null = null;

  constructor(readonly identity: ProcessIdentity, private readonly space: TrackSpace) {
    this.counters = new RowList(space.counters, space.fullCapacity);
  }

  private get details(): RowList {
    return this.detailList ?? this.space.noRows;
  }

  private get minuteRows(): RowList {
    return this.minuteList ?? this.space.noRows;
  }

  /** `tick`: the sample's number in space.ticks, at `timeMs`; `monotonicMs`: the sample's own clock (ages). */
  add(p: ProcessSample, tick: number, timeMs: number, monotonicMs: number): void {
    const minute = Math.floor(timeMs / MS_PER_MINUTE);
    if (this.gatheringMinute >= 0 && minute !== this.gatheringMinute) this.closeMinute();
    this.gatheringMinute = minute;
    const c = ProcessTrack.COUNTERS;
    c[0] = orNaN(p.rssBytes);
    c[1] = orNaN(p.swapBytes);
    c[2] = orNaN(p.cpuPercent);
    const gap = this.lastSeenTick >= 0 && tick > this.lastSeenTick + 1;
    if (gap) this.counters.push((this.lastSeenTick + 1) | ABSENT, NO_VALUES);
    if (gap || this.counters.length === 0 || !this.sameAsLast(this.counters, c, COUNTER_WIDTH)) this.counters.push(tick, c);
    if (p.pssReadAtMs !== null && p.pssReadAtMs > this.lastDetailAtMs) {
      this.lastDetailAtMs = p.pssReadAtMs;
      const d = ProcessTrack.DETAILS;
      d[0] = orNaN(p.pssBytes);
      d[1] = orNaN(p.ussBytes);
      d[2] = monotonicMs - p.pssReadAtMs;
      this.detailList ??= new RowList(this.space.details, this.space.fullCapacity);
      this.detailList.push(tick, d);
      if (!Number.isNaN(d[0])) this.peakPssBytes = Math.max(this.peakPssBytes ?? 0, d[0]);
      if (!Number.isNaN(d[1])) this.peakUssBytes = Math.max(this.peakUssBytes ?? 0, d[1]);
    }
    this.lastSeenTick = tick;
    if (this.firstSeenMs < 0) this.firstSeenMs = timeMs;
    this.lastSeenMs = timeMs;
    if (p.peakRssBytes !== null) this.peakRssBytes = p.peakRssBytes;
  }

  private sameAsLast(list: RowList, values: Float64Array, width: number): boolean {
    const last = list.length - 1;
    if ((list.key(last) & ABSENT) !== 0) return false;
    for (let i = 0; i < width; i++) if (!same(list.value(last, i), values[i])) return false;
    return true;
  }

  /**
   * Closes the minute gathered: min / mean / max over the ticks of it the process was present at.
   * The history calls it on every track when its clock enters a new minute, while all of the
   * minute's ticks are still held; a second call does nothing.
   */
  closeMinute(): void {
    const m = this.gatheringMinute;
    if (m < 0 || m === this.lastClosedMinute) return;
    const ticks = this.space.ticks;
    const hi = this.lastSeenTick;
    let lo = hi;
    while (lo - 1 >= ticks.first && ticks.time(lo - 1) >= m * MS_PER_MINUTE) lo--;
    const row = ProcessTrack.MINUTE;
    minuteStats(this.counters, this.details, lo, hi, row);
    const rows = (this.minuteList ??= new RowList(this.space.minutes, this.space.minuteCapacity));
    const follows = rows.length > 0 && this.lastClosedMinute === m - 1;
    if (!follows || !this.sameAsLast(rows, row, MINUTE_WIDTH)) {
      if (rows.length > 0 && this.lastClosedMinute < m - 1) rows.push((this.lastClosedMinute + 1) | ABSENT, NO_VALUES);
      rows.push(m, row);
    }
    this.lastClosedMinute = m;
  }

  /** Drops what is older than the space's first tick and first minute. */
  prune(): void {
    const first = this.space.ticks.first;
    while (this.counters.length >= 2 && (this.counters.key(1) & NUMBER_MASK) <= first) this.counters.dropFirst();
    while (this.details.length > 0 && this.details.key(0) < first) this.details.dropFirst();
    const firstMinute = this.space.firstMinute;
    const rows = this.minuteRows;
    while (rows.length >= 2 && (rows.key(1) & NUMBER_MASK) <= firstMinute) rows.dropFirst();
    if (rows.length > 0 && this.lastClosedMinute < firstMinute) rows.clear();
  }

  /** Gives the rows back to the pools (the track is being dropped). */
  release(): void {
    this.counters.clear();
    this.detailList?.clear();
    this.minuteList?.clear();
  }

  /** The tick of the first PSS/USS reading at or after fromMs (binary search); -1 when there is none. */
  firstReadingTickFrom(fromMs: number): number {
    const d = this.details;
    const ticks = this.space.ticks;
    let lo = 0;
    let hi = d.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ticks.time(d.key(mid)) >= fromMs) hi = mid;
      else lo = mid + 1;
    }
    return lo < d.length ? d.key(lo) : -1;
  }

  /** The time of a tick, ms since the history's origin; NaN for one no longer held. */
  tickTimeMs(tick: number): number {
    return this.space.ticks.time(tick);
  }

  /** The tick of the latest PSS/USS reading; -1 when there is none. */
  get lastReadingTick(): number {
    return this.details.length > 0 ? this.details.key(this.details.length - 1) : -1;
  }

  /** Ticks in the window at which the process was present. */
  private presentTicks(): number {
    const first = this.space.ticks.first;
    let count = 0;
    for (let i = 0; i < this.counters.length; i++) {
      const key = this.counters.key(i);
      if ((key & ABSENT) !== 0) continue;
      const to = i + 1 < this.counters.length ? (this.counters.key(i + 1) & NUMBER_MASK) - 1 : this.lastSeenTick;
      count += Math.max(0, to - Math.max(key & NUMBER_MASK, first) + 1);
    }
    return count;
  }

  /** Writes the present ticks' times and one series (NaN: no reading) into the arrays; the count. */
  private expand(field: Field | 'age', times: Float64Array, values: Float64Array): number {
    const ticks = this.space.ticks;
    const counterColumn = COUNTER_COLUMN[field] ?? -1;
    const detailColumn = DETAIL_COLUMN[field] ?? -1;
    const n = this.counters.length;
    let k = 0;
    let j = 0;
    for (let i = 0; i < n; i++) {
      const key = this.counters.key(i);
      if ((key & ABSENT) !== 0) continue;
      const to = i + 1 < n ? (this.counters.key(i + 1) & NUMBER_MASK) - 1 : this.lastSeenTick;
      const held = counterColumn >= 0 ? this.counters.value(i, counterColumn) : NaN;
      for (let t = Math.max(key & NUMBER_MASK, ticks.first); t <= to; t++, k++) {
        times[k] = ticks.time(t);
        if (detailColumn < 0) {
          values[k] = held;
          continue;
        }
        while (j < this.details.length && this.details.key(j) < t) j++;
        values[k] = j < this.details.length && this.details.key(j) === t ? this.details.value(j, detailColumn) : NaN;
      }
    }
    return k;
  }

  /**
   * One series for a fit, read in place: PSS, USS and age are their readings only; RSS, swap and
   * CPU one point a tick (in scratch arrays valid until the next points() of any track).
   */
  points(field: Field | 'age'): Points {
    const detailColumn = DETAIL_COLUMN[field];
    if (detailColumn !== undefined) {
      const d = this.details;
      const ticks = this.space.ticks;
      return { length: d.length, time: (i) => ticks.time(d.key(i)), value: (i) => d.value(i, detailColumn) };
    }
    const { times, values } = this.space.scratch(this.presentTicks());
    const length = this.expand(field, times, values);
    return { length, time: (i) => times[i], value: (i) => values[i] };
  }

  /** The full-resolution times and one field's values (NaN: no reading), oldest first. */
  column(field: Field | 'age'): { times: Float64Array; values: Float64Array } {
    const n = this.presentTicks();
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    this.expand(field, times, values);
    return { times, values };
  }

  /** The full-resolution times, oldest first. */
  get full(): { readonly length: number; time(i: number): number } {
    const { times } = this.column('rss');
    return { length: times.length, time: (i) => times[i] };
  }

  /** The closed minutes (each with a row in minuteColumn). */
  get minutes(): { readonly length: number } {
    return { length: this.minuteColumn('rss').times.length };
  }

  /** The closed minutes' times and one field's min, mean and max, oldest first. */
  minuteColumn(field: Field): MinuteSeries {
    return readMinutes(this.minuteRows, this.space.firstMinute, this.lastClosedMinute, field);
  }

  /** Rows held, for the bytes they take in the pools. */
  get rowCounts(): { counters: number; details: number; minutes: number } {
    return { counters: this.counters.length, details: this.details.length, minutes: this.minuteRows.length };
  }
}
