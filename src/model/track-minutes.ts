/**
 * A track's minutes (process-track.ts): the min / mean / max of each field over the ticks of a
 * minute, worked out from the track's counter rows (each holding until the next) and its PSS/USS
 * readings; and the per-minute series read back from the minute rows, a row holding for every
 * minute until the next (a row keyed ABSENT: minutes without the process).
 */
import { MS_PER_MINUTE } from './growth.js';
import type { RowList } from './row-pool.js';
import { ABSENT, COUNTER_WIDTH, FIELDS, FIELD_INDEX, NUMBER_MASK, STATS_PER_FIELD, type Field } from './track-space.js';

const COUNTER_FIELD = [FIELD_INDEX.rss, FIELD_INDEX.swap, FIELD_INDEX.cpu];
const DETAIL_FIELD = [FIELD_INDEX.pss, FIELD_INDEX.uss];
/** Per field: min, max, sum, count. */
const GATHER = new Float64Array(FIELDS.length * 4);

export interface MinuteSeries {
  times: Float64Array;
  min: Float64Array;
  mean: Float64Array;
  max: Float64Array;
}

/** Writes the minute row of ticks lo..hi (the last counter row holds to hi) into `out`. */
export function minuteStats(counters: RowList, details: RowList, lo: number, hi: number, out: Float64Array): void {
  const g = GATHER;
  g.fill(0);
  const take = (field: number, v: number, times: number) => {
    if (Number.isNaN(v) || times <= 0) return;
    const at = field * 4;
    if (g[at + 3] === 0 || v < g[at]) g[at] = v;
    if (g[at + 3] === 0 || v > g[at + 1]) g[at + 1] = v;
    g[at + 2] += v * times;
    g[at + 3] += times;
  };
  for (let i = counters.length - 1; i >= 0; i--) {
    const key = counters.key(i);
    const to = i + 1 < counters.length ? (counters.key(i + 1) & NUMBER_MASK) - 1 : hi;
    if (to < lo) break;
    if ((key & ABSENT) !== 0) continue;
    const times = Math.min(to, hi) - Math.max(key & NUMBER_MASK, lo) + 1;
    for (let col = 0; col < COUNTER_WIDTH; col++) take(COUNTER_FIELD[col], counters.value(i, col), times);
  }
  for (let i = details.length - 1; i >= 0 && details.key(i) >= lo; i--) {
    for (let col = 0; col < DETAIL_FIELD.length; col++) take(DETAIL_FIELD[col], details.value(i, col), 1);
  }
  for (let f = 0; f < FIELDS.length; f++) {
    const at = f * 4;
    const n = g[at + 3];
    out[f * 3] = n === 0 ? NaN : g[at];
    out[f * 3 + 1] = n === 0 ? NaN : Math.fround(g[at + 2] / n);
    out[f * 3 + 2] = n === 0 ? NaN : g[at + 1];
  }
}

/** One field's minutes from `firstMinute` to `lastMinute`, oldest first. */
export function readMinutes(rows: RowList, firstMinute: number, lastMinute: number, field: Field): MinuteSeries {
  const spans: [row: number, from: number, to: number][] = [];
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const key = rows.key(i);
    if ((key & ABSENT) !== 0) continue;
    const from = Math.max(key & NUMBER_MASK, firstMinute);
    const to = i + 1 < rows.length ? (rows.key(i + 1) & NUMBER_MASK) - 1 : lastMinute;
    if (to < from) continue;
    spans.push([i, from, to]);
    n += to - from + 1;
  }
  const base = FIELD_INDEX[field] * STATS_PER_FIELD;
  const out = { times: new Float64Array(n), min: new Float64Array(n), mean: new Float64Array(n), max: new Float64Array(n) };
  let k = 0;
  for (const [i, from, to] of spans) {
    for (let m = from; m <= to; m++, k++) {
      out.times[k] = m * MS_PER_MINUTE;
      out.min[k] = rows.value(i, base);
      out.mean[k] = rows.value(i, base + 1);
      out.max[k] = rows.value(i, base + 2);
    }
  }
  return out;
}
