import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { processRecord } from '../../test/helpers/process-record.js';
import { ProcessHistory } from './process-history.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const base = new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample();
const MIB = 1024 * 1024;

/** A sample at `second` (monotonic ms = 1000 × second) holding these processes. */
function sampleAt(second: number, processes: ProcessSample[]): Sample {
  return { ...base, monotonicMs: 1000 + second * 1000, timeMs: 1e12 + second * 1000, processes };
}

/** Every point's USS is a fresh reading taken at the sample. */
function fresh(second: number, pid: number, ussBytes: number, extra: Partial<ProcessSample> = {}): ProcessSample {
  return processRecord({ pid, ussBytes, pssBytes: ussBytes, rssBytes: ussBytes + MIB, pssReadAtMs: 1000 + second * 1000, ...extra });
}

test('a leak of 1 MiB/s is suspected after 30 s of data, its slope exact, and not before', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  for (let s = 0; s <= 29; s++) history.push(sampleAt(s, [fresh(s, 10, s * MIB), fresh(s, 11, 8 * MIB)]));
  assert.equal(history.growthOf({ pid: 10, startTimeTicks: 100 }), null, 'no figure before 30 s of data');
  history.push(sampleAt(30, [fresh(30, 10, 30 * MIB), fresh(30, 11, 8 * MIB)]));
  const growth = history.growthOf({ pid: 10, startTimeTicks: 100 })!;
  assert.equal(growth.basis, 'uss');
  assert.ok(Math.abs(growth.fit.bytesPerMinute - 60 * MIB) < 16, `${growth.fit.bytesPerMinute}`);
  assert.equal(growth.suspected, true);
  assert.equal(history.growthOf({ pid: 11, startTimeTicks: 100 })?.suspected, false);
  assert.equal(history.suspects, 1);
});

test('PSS/USS that were not read again are not repeated: the point is NaN, its age recorded on real readings', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  // Read at second 0, then the same reading (pssReadAtMs unchanged) at 1 and 2, a new one at 3.
  for (let s = 0; s <= 3; s++) {
    const readAt = s < 3 ? 1000 : 1000 + 3 * 1000;
    history.push(sampleAt(s, [processRecord({ pid: 5, ussBytes: (s < 3 ? 1 : 2) * MIB, pssReadAtMs: readAt })]));
  }
  const track = history.track({ pid: 5, startTimeTicks: 100 })!;
  const uss = track.column('uss').values;
  assert.deepEqual([...uss].map((v) => (Number.isNaN(v) ? null : v / MIB)), [1, null, null, 2]);
  assert.deepEqual([...track.column('age').values].map((v) => (Number.isNaN(v) ? null : v)), [0, null, null, 0]);
  assert.equal(track.peakUssBytes, 2 * MIB);
});

test('without USS (refused or not read) growth is fitted on RSS and says so', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  for (let s = 0; s <= 40; s++) {
    history.push(sampleAt(s, [processRecord({ pid: 7, rssBytes: 10 * MIB + s * MIB, ussBytes: null, pssBytes: null, pssReadAtMs: null })]));
  }
  const growth = history.growthOf({ pid: 7, startTimeTicks: 100 })!;
  assert.equal(growth.basis, 'rss');
  assert.equal(growth.suspected, true);
});

test('a reused PID is another process; a process gone longer than the full window is dropped', () => {
  const history = new ProcessHistory({ intervalMs: 1000, fullWindowMs: 60_000 });
  history.push(sampleAt(0, [fresh(0, 20, MIB)]));
  history.push(sampleAt(1, [fresh(1, 20, MIB, { startTimeTicks: 999 })]));
  assert.equal(history.size, 2);
  assert.equal(history.track({ pid: 20, startTimeTicks: 999 })!.full.length, 1);
  for (let s = 2; s <= 62; s++) history.push(sampleAt(s, [fresh(s, 21, MIB)]));
  assert.equal(history.size, 1, 'both pid 20 processes dropped after 60 s gone');
  assert.equal(history.track({ pid: 21, startTimeTicks: 100 })!.full.length, 61, 'full resolution holds the last minute only');
});

test('of two processes with one PID, the older is dropped after the window while the newer stays', () => {
  const history = new ProcessHistory({ intervalMs: 1000, fullWindowMs: 60_000 });
  history.push(sampleAt(0, [fresh(0, 40, MIB)]));
  for (let s = 1; s <= 70; s++) history.push(sampleAt(s, [fresh(s, 40, 2 * MIB, { startTimeTicks: 200 })]));
  assert.equal(history.size, 1);
  assert.equal(history.track({ pid: 40, startTimeTicks: 100 }), undefined);
  assert.equal(history.track({ pid: 40, startTimeTicks: 200 })!.full.length, 61);
  assert.deepEqual([...history.allTracks()].map((t) => t.identity), [{ pid: 40, startTimeTicks: 200 }]);
});

test('minutes hold min, mean and max; they outlive the full-resolution window', () => {
  const history = new ProcessHistory({ intervalMs: 1000, fullWindowMs: 60_000 });
  // Samples from second 0 to 179: three whole minutes (the clock's origin is the first sample).
  for (let s = 0; s < 181; s++) history.push(sampleAt(s, [fresh(s, 30, (s % 60) * MIB)]));
  const track = history.track({ pid: 30, startTimeTicks: 100 })!;
  const minutes = track.minuteColumn('uss');
  assert.deepEqual([...minutes.times], [0, 60_000, 120_000]);
  assert.deepEqual([...minutes.min].map((v) => v / MIB), [0, 0, 0]);
  assert.deepEqual([...minutes.max].map((v) => v / MIB), [59, 59, 59]);
  assert.deepEqual([...minutes.mean].map((v) => v / MIB), [29.5, 29.5, 29.5]);
  assert.ok(track.full.length <= 62);
});

test('kernel threads are not tracked', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  history.push(sampleAt(0, [processRecord({ pid: 2, kernelThread: true })]));
  assert.equal(history.size, 0);
});
