import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { processRecord } from '../../test/helpers/process-record.js';
import { ProcessHistory, growthOf } from './process-history.js';
import { FIELDS, type Field } from './process-track.js';
import { arrayPoints, fitLine } from './growth.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const base = new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample();
const MIB = 1024 * 1024;
const f32 = (v: number | null) => (v === null ? NaN : Math.fround(v));

/** What a plain per-tick record would hold: one entry per tick the process was in the sample. */
interface Reading { timeMs: number; rss: number; pss: number; uss: number; swap: number; cpu: number; age: number }

/** A deterministic mix: idle, leaking, absent now and then, short-lived, and one without USS. */
function processesAt(s: number, monotonicMs: number): ProcessSample[] {
  const list: ProcessSample[] = [];
  // Idle: the same counters every tick, a PSS/USS reading every 10 ticks.
  const idleRead = 1000 + Math.floor(s / 10) * 10_000;
  list.push(processRecord({ pid: 1, rssBytes: 8 * MIB, pssBytes: 3 * MIB, ussBytes: 2 * MIB, swapBytes: 0, cpuPercent: 0, pssReadAtMs: idleRead }));
  // Leaking 64 KiB a tick, read every tick, CPU that wanders.
  list.push(processRecord({ pid: 2, rssBytes: 20 * MIB + s * 65536, ussBytes: 10 * MIB + s * 65536, pssBytes: 11 * MIB + s * 65536, cpuPercent: (s * 7) % 13 / 3, pssReadAtMs: monotonicMs }));
  // Missing from some samples; its RSS steps every 13 ticks; swap moves once.
  if (s % 37 < 30) list.push(processRecord({ pid: 3, rssBytes: 5 * MIB + Math.floor(s / 13) * 4096, swapBytes: s > 200 ? 4096 : 0, pssReadAtMs: 1000 + Math.floor(s / 5) * 5000 }));
  // Alive from tick 100 to 200 only.
  if (s >= 100 && s < 200) list.push(processRecord({ pid: 4, rssBytes: (s % 3) * MIB, pssReadAtMs: monotonicMs - 250 }));
  // No PSS/USS at all (refused): growth falls back to RSS.
  list.push(processRecord({ pid: 5, rssBytes: MIB + Math.floor(s / 3) * 8192, pssBytes: null, ussBytes: null, pssReadAtMs: null }));
  return list;
}

function run(ticks: number, fullWindowMs: number): { history: ProcessHistory; readings: Map<number, Reading[]>; lastMs: number } {
  const history = new ProcessHistory({ intervalMs: 1000, fullWindowMs });
  const readings = new Map<number, Reading[]>();
  const lastRead = new Map<number, number>();
  let lastMs = 0;
  for (let s = 0; s < ticks; s++) {
    const monotonicMs = 1000 + s * 1000 + ((s * 389) % 300); // a jittered clock
    const processes = processesAt(s, monotonicMs);
    history.push({ ...base, monotonicMs, timeMs: 1e12 + monotonicMs, processes });
    lastMs = Math.round(monotonicMs - 1000);
    for (const p of processes) {
      const fresh = p.pssReadAtMs !== null && p.pssReadAtMs > (lastRead.get(p.pid) ?? -Infinity);
      if (fresh) lastRead.set(p.pid, p.pssReadAtMs!);
      const list = readings.get(p.pid) ?? [];
      list.push({
        timeMs: lastMs, rss: f32(p.rssBytes), swap: f32(p.swapBytes), cpu: f32(p.cpuPercent),
        pss: fresh ? f32(p.pssBytes) : NaN, uss: fresh ? f32(p.ussBytes) : NaN, age: fresh ? monotonicMs - p.pssReadAtMs! : NaN,
      });
      readings.set(p.pid, list);
    }
  }
  return { history, readings, lastMs };
}

const orNull = (values: ArrayLike<number>) => Array.from(values, (v) => (Number.isNaN(v) ? null : v));

test('read back, change points give exactly the per-tick series, gaps included', () => {
  const fullWindowMs = 60_000;
  const { history, readings, lastMs } = run(400, fullWindowMs);
  for (const pid of [1, 2, 3, 5]) {
    const track = history.track({ pid, startTimeTicks: 100 })!;
    const expected = readings.get(pid)!.filter((r) => r.timeMs >= lastMs - fullWindowMs);
    for (const field of [...FIELDS, 'age'] as (Field | 'age')[]) {
      const { times, values } = track.column(field);
      assert.deepEqual([...times], expected.map((r) => r.timeMs), `pid ${pid} times`);
      assert.deepEqual(orNull(values), orNull(expected.map((r) => r[field])), `pid ${pid} ${field}`);
    }
  }
  assert.equal(history.track({ pid: 4, startTimeTicks: 100 }), undefined, 'gone for longer than the window');
});

test('minutes read back as min / mean / max of the ticks in each, through idle and absent minutes', () => {
  const { history, readings, lastMs } = run(400, 60_000);
  for (const pid of [1, 2, 3, 5]) {
    const track = history.track({ pid, startTimeTicks: 100 })!;
    const all = readings.get(pid)!;
    const lastMinute = Math.floor(lastMs / 60_000);
    for (const field of FIELDS) {
      const got = track.minuteColumn(field);
      const minutes = [...new Set(all.map((r) => Math.floor(r.timeMs / 60_000)))].filter((m) => m < lastMinute);
      assert.deepEqual([...got.times], minutes.map((m) => m * 60_000), `pid ${pid} ${field} minutes`);
      minutes.forEach((m, i) => {
        const values = all.filter((r) => Math.floor(r.timeMs / 60_000) === m).map((r) => r[field]).filter((v) => !Number.isNaN(v));
        const want = values.length === 0 ? [NaN, NaN, NaN] : [Math.min(...values), Math.fround(values.reduce((a, b) => a + b, 0) / values.length), Math.max(...values)];
        assert.deepEqual(orNull([got.min[i], got.mean[i], got.max[i]]), orNull(want), `pid ${pid} ${field} minute ${m}`);
      });
    }
  }
});

test('growth from change points is the fit of the per-tick series', () => {
  const fullWindowMs = 120_000;
  const { history, readings, lastMs } = run(300, fullWindowMs);
  const fromMs = lastMs - history.growthWindowMs;
  for (const [pid, field] of [[2, 'uss'], [1, 'uss'], [5, 'rss']] as const) {
    const rows = readings.get(pid)!.filter((r) => r.timeMs >= lastMs - fullWindowMs);
    const want = fitLine(arrayPoints(rows.map((r) => r.timeMs), rows.map((r) => r[field])), fromMs);
    const got = growthOf(history.track({ pid, startTimeTicks: 100 })!, fromMs);
    assert.equal(got?.basis, field);
    assert.deepEqual(got?.fit, want);
  }
});

test('an idle process holds one counter row, its readings, and one minute row', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  for (let s = 0; s < 600; s++) {
    history.push({ ...base, monotonicMs: 1000 + s * 1000, timeMs: 1e12 + s * 1000, processes: processesAt(s, 1000 + s * 1000).slice(0, 1) });
  }
  const track = history.track({ pid: 1, startTimeTicks: 100 })!;
  assert.deepEqual(track.rowCounts, { counters: 1, details: 60, minutes: 1 });
  assert.equal(track.full.length, 600);
  assert.equal(track.minutes.length, 9);
});
