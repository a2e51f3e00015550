import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from '../../model/store.js';
import { ProcessHistory } from '../../model/process-history.js';
import type { Sample } from '../../sampler/sample.js';
import { DEFAULT_NEEDS } from '../../sampler/sampler.js';
import { ReplaySource, type ReplayTimers } from './replay-source.js';
import { arrayTimeline, type Timeline } from './timeline.js';
import { forgetSamples } from './forget-samples.js';
import { sampleTimeline } from '../../../test/helpers/replay-timeline.js';
import { startLeakhog, type LeakHog } from '../../../test/helpers/leak-helpers.js';
import { narrowProc } from '../../../test/helpers/narrow-proc.js';

const FULL_WINDOW_MS = 40_000;
let leak: LeakHog;
let samples: Sample[];

// 90 samples of the live /proc, 1 s apart on the recorded clock, with a process that grows.
before(async () => {
  leak = await startLeakhog(['leak', '8192']);
  // The helper, this process and init, read live (the machine's other processes add only time).
  const proc = narrowProc([leak.pid, process.pid, 1]);
  try {
    samples = (await sampleTimeline(proc.root, 90, 1000, () => new Promise((resolve) => setTimeout(resolve, 5)))).samples;
  } finally {
    proc.remove();
  }
});
after(() => leak.stop());

/** The store and history wired as run-tui.ts wires them, rewound as it rewinds them. */
function consumers(timeline: Timeline, rebuildWindowMs: number, startIndex: number, timers?: ReplayTimers, sliceMs = Infinity) {
  const store = new Store();
  const newHistory = () => new ProcessHistory({ intervalMs: 1000, fullWindowMs: FULL_WINDOW_MS });
  let history = newHistory();
  store.processHistory = history;
  let rewinds = 0;
  const source = new ReplaySource(timeline, {
    startIndex, speed: 1, rebuildWindowMs, timers, sliceMs,
    config: { needs: DEFAULT_NEEDS, exact: true, maxStalenessMs: 10_000, intervalMs: 1000, paused: true, mappingsOf: null },
  });
  source.onRewind(() => {
    rewinds++;
    forgetSamples(store);
    history = newHistory();
    store.processHistory = history;
  });
  let published = 0;
  source.start({
    onReady: (bytes) => { store.pageSizeBytes = bytes; },
    onSample: (sample) => { published++; store.push(sample); history.push(sample); },
    onMappings: () => assert.fail('a replay reads no mappings'),
    onError: (error) => { throw error; },
  });
  return { source, store, history: () => history, rewinds: () => rewinds, published: () => published };
}

/** What the views read: the latest two samples, the system points, and every process's growth. */
function state(c: ReturnType<typeof consumers>) {
  const history = c.history();
  const growth = [...history.allTracks()].map((t) => [`${t.identity.pid}:${t.identity.startTimeTicks}`, history.growthOf(t.identity)] as const);
  return { latest: c.store.latest, previous: c.store.previous, points: c.store.history.toArray(), growth: new Map(growth), suspects: history.suspects };
}

test('a step back rebuilds the store and the history as they were when that sample was live', () => {
  const timeline = arrayTimeline(samples);
  const straight = consumers(timeline, FULL_WINDOW_MS, 0);
  straight.source.moveTo(70);
  const replayed = consumers(timeline, FULL_WINDOW_MS, 89);
  replayed.source.step(-19);
  assert.equal(replayed.source.index, 70);
  assert.equal(replayed.rewinds(), 2, 'rewound at start and for the step back');
  const expected = state(straight);
  const got = state(replayed);
  assert.equal(got.latest, samples[70]);
  assert.equal(got.previous, samples[69]);
  assert.deepEqual(got.points, expected.points.slice(-got.points.length));
  const leakKey = [...expected.growth.keys()].find((k) => k.startsWith(`${leak.pid}:`))!;
  assert.ok(expected.growth.get(leakKey)?.suspected, 'the growing helper is a suspected leak at sample 70');
  assert.deepEqual(got.growth, expected.growth);
  assert.equal(got.suspects, expected.suspects);
});

test('a long move publishes in slices, letting the event loop in; a move meanwhile takes over', async () => {
  const timeline = arrayTimeline(samples);
  const straight = consumers(timeline, FULL_WINDOW_MS, 0);
  straight.source.moveTo(60);
  const sliced = consumers(timeline, FULL_WINDOW_MS, 0, undefined, 0);
  await until(() => sliced.source.progress === null);
  sliced.source.moveTo(89);
  assert.ok(sliced.source.progress !== null && sliced.source.progress < 1, 'under way after the call returns');
  assert.equal(sliced.source.index, 89, 'the cursor is where it was sent');
  await new Promise((resolve) => setImmediate(resolve));
  sliced.source.moveTo(60);
  await until(() => sliced.source.progress === null);
  assert.equal(sliced.store.latest, samples[60]);
  assert.deepEqual(state(sliced).growth, state(straight).growth);
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(done(), 'never finished');
}

test('a rebuild from too short a window would not give the live growth (the window matters)', () => {
  const timeline = arrayTimeline(samples);
  const straight = consumers(timeline, FULL_WINDOW_MS, 0);
  straight.source.moveTo(70);
  const short = consumers(timeline, 10_000, 89);
  short.source.moveTo(70);
  assert.notDeepEqual(state(short).growth, state(straight).growth);
});

test('moving forward publishes every sample in between, once', () => {
  const c = consumers(arrayTimeline(samples), FULL_WINDOW_MS, 10);
  const before = c.published();
  c.source.step(1);
  c.source.jump(30_000);
  assert.equal(c.source.index, 41);
  assert.equal(c.published() - before, 31);
  assert.equal(c.rewinds(), 1, 'only the start rewound');
  c.source.moveTo(89);
  assert.equal(c.rewinds(), 2, 'a move further ahead than the window rebuilds there');
  assert.equal(c.store.latest, samples[89]);
});

test('a second session in the file (a new monotonic clock) starts the history again', () => {
  const shifted = samples.slice(0, 20).map((s) => ({ ...s, timeMs: s.timeMs + 3_600_000 }));
  const timeline = arrayTimeline([...samples.slice(0, 30), ...shifted]);
  const c = consumers(timeline, FULL_WINDOW_MS, 0);
  c.source.moveTo(29);
  const rewindsBefore = c.rewinds();
  c.source.step(1);
  assert.equal(c.rewinds(), rewindsBefore + 1);
  assert.equal(c.store.previous, null, 'no rate spans the two sessions');
});

test('a new session starts the history again even where its monotonic clock reads later', () => {
  const timeline = { ...arrayTimeline(samples.slice(0, 40)), startsSession: (i: number) => i === 20 };
  const c = consumers(timeline, FULL_WINDOW_MS, 0);
  c.source.moveTo(19);
  const rewindsBefore = c.rewinds();
  c.source.step(1);
  assert.equal(c.rewinds(), rewindsBefore + 1);
  assert.equal(c.store.previous, null);
  c.source.step(1);
  assert.equal(c.rewinds(), rewindsBefore + 1, 'once, at the join');
});

test('playing waits the recorded gap divided by the speed, and stops at the last sample', () => {
  const waits: number[] = [];
  const queue: (() => void)[] = [];
  const timers: ReplayTimers = { setTimeout: (run, ms) => { waits.push(ms); queue.push(run); return run; }, clearTimeout: (h) => { const i = queue.indexOf(h as () => void); if (i >= 0) queue.splice(i, 1); } };
  const c = consumers(arrayTimeline(samples), FULL_WINDOW_MS, 85, timers);
  c.source.setPlaying(true);
  queue.shift()!();
  assert.equal(c.source.index, 86);
  c.source.cycleSpeed();
  queue.shift()!();
  assert.deepEqual(waits, [1000, 1000, 100, 100], "the wait restarts at the new speed");
  assert.equal(c.source.speed, 10);
  while (queue.length > 0) queue.shift()!();
  assert.equal(c.source.index, 89);
  assert.equal(c.source.playing, false);
});
