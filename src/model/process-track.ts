/**
 * One process's history: full-resolution points for the last `fullWindowMs` and one
 * min / mean / max point per minute for the longer window, in typed arrays (grow-ring.ts), and
 * the highest sizes seen. PSS and USS are recorded only on the tick that brought a new reading
 * (with its age); on other ticks they are NaN, never the last value repeated.
 */
import type { ProcessIdentity, ProcessSample } from '../sampler/sample.js';
import { GrowRing } from './grow-ring.js';
import { MS_PER_MINUTE, type Points } from './growth.js';

/** The full-resolution columns, in order. */
export const FIELDS = ['rss', 'pss', 'uss', 'swap', 'cpu'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_INDEX: Record<Field, number> = { rss: 0, pss: 1, uss: 2, swap: 3, cpu: 4 };
/** The column after the fields: the age of the PSS/USS reading, ms (NaN where there is none). */
export const AGE_COLUMN = FIELDS.length;
/** Minute columns: min, mean, max of each field. */
export const STATS_PER_FIELD = 3;

function orNaN(value: number | null | undefined): number {
  return value === null || value === undefined ? NaN : value;
}

export class ProcessTrack {
  readonly full: GrowRing;
  /** Made when the first minute closes: a short-lived process never needs one. */
  private minuteRing: GrowRing | null = null;
  private readonly minuteCapacity: number;
  /** Per field: min, max, sum, count of the minute being gathered. */
  private readonly gathering = new Float64Array(FIELDS.length * 4);
  private static readonly EMPTY = new GrowRing(FIELDS.length * STATS_PER_FIELD, 1, 1);
  /** Scratch rows, shared: add() runs to its end before another track's. */
  private static readonly POINT = new Float64Array(FIELDS.length + 1);
  private static readonly MINUTE_ROW = new Float64Array(FIELDS.length * STATS_PER_FIELD);
  private gatheringMinute = -1;
  private lastDetailAtMs = -Infinity;
  /** Store time (ms since the history's origin) of the last sample that had the process. */
  lastSeenMs = 0;
  comm: string;
  cmdline: string;
  peakPssBytes: number | null = null;
  peakUssBytes: number | null = null;
  peakRssBytes: number | null = null;

  constructor(readonly identity: ProcessIdentity, p: ProcessSample, fullCapacity: number, minuteCapacity: number) {
    this.full = new GrowRing(FIELDS.length + 1, fullCapacity);
    this.minuteCapacity = minuteCapacity;
    this.comm = p.comm;
    this.cmdline = p.cmdline;
  }

  /** `timeMs`: ms since the history's origin; `monotonicMs`: the sample's own clock (ages). */
  add(p: ProcessSample, timeMs: number, monotonicMs: number): void {
    const fresh = p.pssReadAtMs !== null && p.pssReadAtMs > this.lastDetailAtMs;
    if (fresh) this.lastDetailAtMs = p.pssReadAtMs!;
    const pt = ProcessTrack.POINT;
    pt[0] = orNaN(p.rssBytes);
    pt[1] = fresh ? orNaN(p.pssBytes) : NaN;
    pt[2] = fresh ? orNaN(p.ussBytes) : NaN;
    pt[3] = orNaN(p.swapBytes);
    pt[4] = orNaN(p.cpuPercent);
    pt[AGE_COLUMN] = fresh ? monotonicMs - p.pssReadAtMs! : NaN;
    this.gather(timeMs);
    this.full.push(timeMs, pt);
    this.lastSeenMs = timeMs;
    if (!Number.isNaN(pt[1])) this.peakPssBytes = Math.max(this.peakPssBytes ?? 0, pt[1]);
    if (!Number.isNaN(pt[2])) this.peakUssBytes = Math.max(this.peakUssBytes ?? 0, pt[2]);
    if (p.peakRssBytes !== null) this.peakRssBytes = p.peakRssBytes;
  }

  /** Adds the point to its minute; a point in a later minute closes the one gathered. */
  private gather(timeMs: number): void {
    const minute = Math.floor(timeMs / MS_PER_MINUTE);
    if (minute !== this.gatheringMinute) {
      this.closeMinute();
      this.gatheringMinute = minute;
    }
    const g = this.gathering;
    for (let f = 0; f < FIELDS.length; f++) {
      const v = ProcessTrack.POINT[f];
      if (Number.isNaN(v)) continue;
      const at = f * 4;
      if (g[at + 3] === 0 || v < g[at]) g[at] = v;
      if (g[at + 3] === 0 || v > g[at + 1]) g[at + 1] = v;
      g[at + 2] += v;
      g[at + 3]++;
    }
  }

  private closeMinute(): void {
    if (this.gatheringMinute < 0) return;
    const g = this.gathering;
    const row = ProcessTrack.MINUTE_ROW;
    for (let f = 0; f < FIELDS.length; f++) {
      const at = f * 4;
      const n = g[at + 3];
      row[f * 3] = n === 0 ? NaN : g[at];
      row[f * 3 + 1] = n === 0 ? NaN : g[at + 2] / n;
      row[f * 3 + 2] = n === 0 ? NaN : g[at + 1];
    }
    this.minuteRing ??= new GrowRing(FIELDS.length * STATS_PER_FIELD, this.minuteCapacity, 4);
    this.minuteRing.push(this.gatheringMinute * MS_PER_MINUTE, row);
    g.fill(0);
  }

  /** Drops full-resolution points older than `fullFromMs` and minutes older than `minutesFromMs`. */
  prune(fullFromMs: number, minutesFromMs: number): void {
    this.full.dropBefore(fullFromMs);
    this.minuteRing?.dropBefore(minutesFromMs);
  }

  /** The closed minutes (min, mean, max of each field), oldest first. */
  get minutes(): GrowRing {
    return this.minuteRing ?? ProcessTrack.EMPTY;
  }

  /** One field's full-resolution points, read in place (valid until the next add or prune). */
  points(field: Field | 'age'): Points {
    const c = field === 'age' ? AGE_COLUMN : FIELD_INDEX[field];
    const ring = this.full;
    return { length: ring.length, time: (i) => ring.time(i), value: (i) => ring.value(c, i) };
  }

  /** The full-resolution times and one field's values (NaN: no reading), oldest first. */
  column(field: Field | 'age'): { times: Float64Array; values: Float64Array } {
    const n = this.full.length;
    const c = field === 'age' ? AGE_COLUMN : FIELD_INDEX[field];
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = this.full.time(i);
      values[i] = this.full.value(c, i);
    }
    return { times, values };
  }

  /** The closed minutes' times and one field's min, mean and max, oldest first. */
  minuteColumn(field: Field): { times: Float64Array; min: Float64Array; mean: Float64Array; max: Float64Array } {
    const n = this.minutes.length;
    const base = FIELD_INDEX[field] * STATS_PER_FIELD;
    const out = { times: new Float64Array(n), min: new Float64Array(n), mean: new Float64Array(n), max: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      out.times[i] = this.minutes.time(i);
      out.min[i] = this.minutes.value(base, i);
      out.mean[i] = this.minutes.value(base + 1, i);
      out.max[i] = this.minutes.value(base + 2, i);
    }
    return out;
  }

  /** The typed arrays' bytes. */
  get byteSize(): number {
    return this.full.byteSize + (this.minuteRing?.byteSize ?? 0) + this.gathering.byteLength;
  }
}
