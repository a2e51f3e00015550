import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KEYS, startHarness, type Harness } from '../../test/helpers/screen-harness.js';
import { sampleTimeline } from '../../test/helpers/replay-timeline.js';
import { startLeakhog, type LeakHog } from '../../test/helpers/leak-helpers.js';
import { narrowProc } from '../../test/helpers/narrow-proc.js';
import { ReplaySource } from './replay/replay-source.js';
import { ReplayController } from './replay/replay-controller.js';
import { arrayTimeline } from './replay/timeline.js';
import { clockText } from './replay/time-of-day.js';
import { DEFAULT_NEEDS } from '../sampler/sampler.js';
import type { Sample } from '../sampler/sample.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';

function replayOf(samples: Sample[], startIndex: number, note: string | null = null, sliceMs?: number): ReplayController {
  const source = new ReplaySource(arrayTimeline(samples), {
    startIndex, speed: 1, rebuildWindowMs: 600_000, sliceMs,
    config: { needs: DEFAULT_NEEDS, exact: true, maxStalenessMs: 10_000, intervalMs: 1000, paused: true, mappingsOf: null },
  });
  return new ReplayController(source, note);
}

async function withReplay(samples: Sample[], startIndex: number, body: (h: Harness, replay: ReplayController) => Promise<void>, note: string | null = null, sliceMs?: number): Promise<void> {
  const replay = replayOf(samples, startIndex, note, sliceMs);
  const h = await startHarness(fixture, { delayMs: 1000 }, { columns: 140, rows: 40 }, replay);
  try {
    await body(h, replay);
  } finally {
    assert.equal(await h.quit(), 0);
  }
}

let fixtureSamples: Sample[];
let leak: LeakHog;
let liveSamples: Sample[];

before(async () => {
  fixtureSamples = (await sampleTimeline(fixture, 120, 1000)).samples;
  leak = await startLeakhog(['leak', '8192']);
  const proc = narrowProc([leak.pid, process.pid, 1]);
  try {
    liveSamples = (await sampleTimeline(proc.root, 60, 1000, () => new Promise((resolve) => setTimeout(resolve, 5)))).samples;
  } finally {
    proc.remove();
  }
});
after(() => leak.stop());

test('the header shows the cursor; arrows, [ ] and g move it; Z plays and pauses', () => withReplay(fixtureSamples, 0, async (h) => {
  await h.waitFor(/Replay: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · sample 1 of 120 · paused \(Z plays ×1\)/);
  await h.waitFor('total of 6 shown');
  await h.press(RIGHT, RIGHT, '.');
  await h.waitFor('sample 4 of 120');
  await h.press(LEFT, ',');
  await h.waitFor('sample 2 of 120');
  await h.press(']');
  await h.waitFor('sample 62 of 120');
  await h.press('[');
  await h.waitFor('sample 2 of 120');
  await h.press('g');
  await h.press(...clockText(fixtureSamples[99].timeMs));
  await h.press(KEYS.enter);
  await h.waitFor(`at ${clockText(fixtureSamples[99].timeMs)}`);
  await h.waitFor('sample 100 of 120');
  await h.press('g');
  await h.press(...'soon');
  await h.press(KEYS.enter);
  await h.waitFor('not a time: "soon"');
  await h.press('x', 'x');
  await h.waitFor('paused (Z plays ×60)');
  await h.press('Z');
  await h.waitFor('sample 120 of 120 · paused (Z plays ×60) · end', 5000);
  await h.press(LEFT);
  await h.waitFor('sample 119 of 120');
}));

test('live-only views and actions say so and touch nothing; the others work on the recording', () => withReplay(fixtureSamples, 5, async (h) => {
  await h.waitFor('total of 6 shown');
  for (const [key, said] of [[KEYS.enter, 'Mappings: live-only'], ['k', 'signals (F9 k): live-only'], [KEYS.f9, 'signals (F9 k): live-only'],
    [KEYS.f7, 'nice (F7 F8): live-only'], ['s', 'Trace (s): live-only']] as const) {
    await h.press(key);
    await h.waitFor(said);
    assert.doesNotMatch(h.text(), /› Mappings|› Trace|Send signal/);
  }
  await h.press(KEYS.f2);
  await h.waitFor(/Mappings +\(live only: not in a replay\)/);
  assert.match(h.text(), /Trace +\(live only: not in a replay\)/);
  assert.match(h.text(), /Libraries +\(live only: not in a replay\)/);
  await h.press(KEYS.escape, KEYS.f2, KEYS.end, KEYS.enter);
  await h.waitFor(/^ Processes › System|^ System/m);
  await h.press(KEYS.f1);
  await h.waitFor('replay: one sample back / forward');
}));

test('growth and leak marks fill from the recording as they did live, and go when stepping back', () => withReplay(liveSamples, 59, async (h) => {
  await h.waitFor('sample 60 of 60');
  await h.waitFor(/1 suspected leak|\d+ suspected leaks/);
  await h.press('g');
  await h.press(...clockText(liveSamples[9].timeMs));
  await h.press(KEYS.enter);
  await h.waitFor('sample 10 of 60');
  await h.waitFor((t) => !/suspected leak/.test(t));
}));

test('Tree, Programs, Users, Containers, System and History show the recording; the cursor moves them all', () => withReplay(liveSamples, 40, async (h) => {
  await h.waitFor('sample 41 of 60');
  const views: [number, RegExp][] = [[4, /^ Tree/m], [5, /^ Programs +\d+ programs · \d+ processes/m], [6, /^ Users/m], [7, /^ Containers/m], [9, /^ System/m]];
  for (const [downs, crumb] of views) {
    await h.press(KEYS.f2, KEYS.home, ...Array<string>(downs).fill(KEYS.down), KEYS.enter);
    await h.waitFor(crumb);
    await h.press(RIGHT);
    await h.waitFor(`sample 42 of 60`);
    await h.press(LEFT);
    await h.waitFor(`sample 41 of 60`);
  }
  await h.press(KEYS.f2, KEYS.home, KEYS.enter);
  await h.waitFor(/^ Processes/m);
  await h.press('/', ...'leakhog', KEYS.enter);
  await h.press('H');
  await h.waitFor(new RegExp(`Processes › leakhog \\(${leak.pid}\\) › History`));
  await h.waitFor(/Growth +\+[\d.]+M\/m of USS, fit r² \S+ over \S+ \(\d+ readings\) · suspected leak/);
  // Thirty seconds earlier the growth had too little data to be shown.
  await h.press('t', ...'+10', KEYS.enter);
  await h.waitFor('sample 11 of 60');
  await h.waitFor((text) => !/suspected leak/.test(text));
}));

test('keys typed together (during a long rebuild) move the cursor once, to where they all lead', () => withReplay(fixtureSamples, 100, async (h, replay) => {
  await h.waitFor('sample 101 of 120');
  let rewinds = 0;
  replay.source.onRewind(() => rewinds++);
  await h.press(LEFT.repeat(5));
  await h.waitFor('sample 96 of 120');
  assert.equal(rewinds, 1);
  assert.equal(replay.source.lastMovePublished, 96);
}));

test('while a long move is under way the status line says how far it is, then the whole screen follows', () => withReplay(fixtureSamples, 0, async (h, replay) => {
  await h.waitFor('sample 1 of 120');
  await h.press('t', ...'end', KEYS.enter);
  await h.waitFor(/going to \d\d:\d\d:\d\d \(sample 120 of 120\): the history up to it, \d+ % — keys still act/);
  assert.notEqual(replay.source.progress, null);
  await h.waitFor('sample 120 of 120 · paused');
  await h.waitFor('total of 6 shown');
}, null, 0));

test('a cut recording says so in the header', () => withReplay(fixtureSamples.slice(0, 3), 0, async (h) => {
  await h.waitFor('sample 1 of 3 · paused (Z plays ×1) · cut short: replayed to its last whole sample');
}, 'cut short: replayed to its last whole sample'));
