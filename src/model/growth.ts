/**
 * Growth: the least-squares slope of a size over time, with the fit's quality (r²) and whether
 * the growth is steady across the window, from which leak suspicion follows (leak-rule.ts).
 * Points are real readings only: NaN values (no reading at that time) are skipped, never
 * filled in.
 */

export const MS_PER_MINUTE = 60_000;

export interface Fit {
  /** Bytes per minute, signed. */
  bytesPerMinute: number;
  /** 1 − residual / total variance; 1 for a series that does not move at all. */
  r2: number;
  points: number;
  /** From the first point to the last, ms. */
  spanMs: number;
  firstBytes: number;
  lastBytes: number;
  /**
   * The net change in each third of the span, bytes (NaN for a third with fewer than two
   * points): a steady leak grows in all three, a one-time step in one.
   */
  thirdsBytes: [number, number, number];
}

/** A series read in place (a ring's column): no copy per fit. */
export interface Points {
  readonly length: number;
  time(i: number): number;
  value(i: number): number;
}

export function arrayPoints(times: ArrayLike<number>, values: ArrayLike<number>): Points {
  return { length: times.length, time: (i) => times[i], value: (i) => values[i] };
}

/** The fit of the points with times in [fromMs, ∞); null with fewer than two points. */
export function fitLine(points: Points, fromMs = -Infinity): Fit | null {
  let n = 0;
  let t0 = NaN;
  let sumT = 0;
  let sumV = 0;
  let sumTT = 0;
  let sumTV = 0;
  let sumVV = 0;
  let first = NaN;
  let last = NaN;
  let tFirst = NaN;
  let tLast = NaN;
  for (let i = 0; i < points.length; i++) {
    const v = points.value(i);
    const tMs = points.time(i);
    if (Number.isNaN(v) || tMs < fromMs) continue;
    if (n === 0) {
      t0 = tMs;
      first = v;
      tFirst = tMs;
    }
    // Minutes from the first point, and bytes from the first value: small numbers, exact sums.
    const t = (tMs - t0) / MS_PER_MINUTE;
    const y = v - first;
    n++;
    sumT += t;
    sumV += y;
    sumTT += t * t;
    sumTV += t * y;
    sumVV += y * y;
    last = v;
    tLast = tMs;
  }
  if (n < 2 || tLast === tFirst) return null;
  const varT = sumTT - (sumT * sumT) / n;
  const covTV = sumTV - (sumT * sumV) / n;
  const varV = sumVV - (sumV * sumV) / n;
  const slope = covTV / varT;
  const r2 = varV <= 0 ? 1 : Math.max(0, Math.min(1, (covTV * covTV) / (varT * varV)));
  return {
    bytesPerMinute: slope, r2, points: n, spanMs: tLast - tFirst, firstBytes: first, lastBytes: last,
    thirdsBytes: thirds(points, tFirst, tLast),
  };
}

/** Net change within each third of [fromMs, toMs]: last point minus first point in it. */
function thirds(points: Points, fromMs: number, toMs: number): [number, number, number] {
  const firsts = [NaN, NaN, NaN];
  const lasts = [NaN, NaN, NaN];
  const counts = [0, 0, 0];
  const third = (toMs - fromMs) / 3;
  for (let i = 0; i < points.length; i++) {
    const v = points.value(i);
    const t = points.time(i);
    if (Number.isNaN(v) || t < fromMs) continue;
    const k = Math.min(2, Math.floor((t - fromMs) / third));
    if (counts[k] === 0) firsts[k] = v;
    lasts[k] = v;
    counts[k]++;
  }
  return [0, 1, 2].map((k) => (counts[k] < 2 ? NaN : lasts[k] - firsts[k])) as [number, number, number];
}
