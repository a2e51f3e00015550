import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrayPoints, fitLine as fitPoints } from './growth.js';

const fitLine = (times: number[], values: number[], fromMs?: number) => fitPoints(arrayPoints(times, values), fromMs);
import { isSuspectedLeak, MIN_GROWTH_SPAN_MS } from './leak-rule.js';

const MIB = 1024 * 1024;

/** One point a second for `seconds`, from `bytesAt(second)`. */
function series(seconds: number, bytesAt: (s: number) => number): { times: number[]; values: number[] } {
  const times: number[] = [];
  const values: number[] = [];
  for (let s = 0; s <= seconds; s++) {
    times.push(5000 + s * 1000);
    values.push(bytesAt(s));
  }
  return { times, values };
}

/** A deterministic noise in [-1, 1) (a linear congruential generator). */
function noise(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x / 2 ** 31) * 2 - 1;
  };
}

test('a linear leak of 1 MiB/s: slope 60 MiB/min exactly, r² 1, suspected', () => {
  const { times, values } = series(30, (s) => 50 * MIB + s * MIB);
  const fit = fitLine(times, values)!;
  assert.ok(Math.abs(fit.bytesPerMinute - 60 * MIB) < 1);
  assert.ok(fit.r2 > 0.9999);
  assert.equal(fit.spanMs, 30_000);
  assert.equal(fit.firstBytes, 50 * MIB);
  assert.equal(fit.lastBytes, 80 * MIB);
  assert.equal(isSuspectedLeak(fit), true);
});

test('a noisy leak (±2 MiB around 1 MiB/s): slope within 10 %, still suspected', () => {
  const r = noise(7);
  const { times, values } = series(60, (s) => 100 * MIB + s * MIB + r() * 2 * MIB);
  const fit = fitLine(times, values)!;
  assert.ok(Math.abs(fit.bytesPerMinute / (60 * MIB) - 1) < 0.1, `${fit.bytesPerMinute / MIB} MiB/min`);
  assert.equal(isSuspectedLeak(fit), true);
});

test('a sawtooth (grow 20 MiB over 5 s, free, repeat) is not suspected', () => {
  const { times, values } = series(60, (s) => 30 * MIB + (s % 5) * 5 * MIB);
  const fit = fitLine(times, values)!;
  assert.ok(fit.r2 < 0.5, `r² ${fit.r2}`);
  assert.equal(isSuspectedLeak(fit), false);
});

test('a one-time step (50 MiB at 10 s, then flat) is not suspected, though its slope is positive', () => {
  const { times, values } = series(60, (s) => (s < 10 ? 10 * MIB : 60 * MIB));
  const fit = fitLine(times, values)!;
  assert.ok(fit.bytesPerMinute > 0);
  assert.equal(isSuspectedLeak(fit), false);
  // A step in the middle of the window fits a line even less.
  const middle = series(60, (s) => (s < 30 ? 10 * MIB : 60 * MIB));
  assert.equal(isSuspectedLeak(fitLine(middle.times, middle.values)), false);
});

test('an idle process: slope 0, a perfect (flat) fit, not suspected', () => {
  const { times, values } = series(60, () => 4 * MIB);
  const fit = fitLine(times, values)!;
  assert.equal(fit.bytesPerMinute, 0);
  assert.equal(fit.r2, 1);
  assert.equal(isSuspectedLeak(fit), false);
});

test('a slow but steady growth below the threshold (64 KiB/min) is not suspected', () => {
  const { times, values } = series(120, (s) => 4 * MIB + (s * 64 * 1024) / 60);
  assert.equal(isSuspectedLeak(fitLine(times, values)), false);
});

test('less than 30 s of data: no verdict, even for a clear leak', () => {
  const { times, values } = series(MIN_GROWTH_SPAN_MS / 1000 - 1, (s) => s * MIB);
  assert.equal(isSuspectedLeak(fitLine(times, values)), false);
});

test('NaN points (no fresh reading) are skipped, not filled in; fromMs cuts the window', () => {
  const times = [0, 1000, 2000, 3000, 4000];
  const values = [0, NaN, 2 * MIB, NaN, 4 * MIB];
  const fit = fitLine(times, values)!;
  assert.equal(fit.points, 3);
  assert.ok(Math.abs(fit.bytesPerMinute - 60 * MIB) < 1);
  assert.equal(fitLine(times, values, 2500)?.points ?? 0, 0);
  assert.equal(fitLine([0], [1]), null);
});
