import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ReplaySource } from './replay-source.js';
import { ReplayController, replayFooter } from './replay-controller.js';
import { arrayTimeline } from './timeline.js';
import { clockText } from './time-of-day.js';
import { DEFAULT_NEEDS } from '../../sampler/sampler.js';
import { FOOTER_KEYS } from '../widgets/bars.js';
import { sampleTimeline } from '../../../test/helpers/replay-timeline.js';

const fixture = fileURLToPath(new URL('../../../../test/fixtures/proc-basic', import.meta.url));

async function controller(count: number) {
  const { samples } = await sampleTimeline(fixture, count, 1000);
  const source = new ReplaySource(arrayTimeline(samples), {
    startIndex: 0, speed: 1, rebuildWindowMs: 600_000, sliceMs: Infinity,
    config: { needs: DEFAULT_NEEDS, exact: true, maxStalenessMs: 0, intervalMs: 1000, paused: true, mappingsOf: null },
  });
  source.start({ onReady: () => {}, onSample: () => {}, onMappings: () => {}, onError: (e) => { throw e; } });
  return { samples, source, replay: new ReplayController(source) };
}

test('going to a time: in the recording, before it, after it, and not a time', async () => {
  const { samples, source, replay } = await controller(30);
  assert.equal(replay.goTo(clockText(samples[12].timeMs)), `at ${clockText(samples[12].timeMs)}`);
  assert.equal(source.index, 12);
  assert.equal(replay.goTo('+5'), `at ${clockText(samples[5].timeMs)}`);
  assert.match(replay.goTo(clockText(samples[0].timeMs - 3_600_000)), /is before the recording: its first sample/);
  assert.equal(source.index, 0);
  assert.match(replay.goTo(clockText(samples[29].timeMs + 3_600_000)), /is after the recording: its last sample/);
  assert.equal(source.index, 29);
  assert.match(replay.goTo('lunch'), /^not a time: "lunch" \(HH:MM:SS, YYYY-MM-DD HH:MM:SS, \+SECONDS or end\)$/);
  assert.equal(source.index, 29, 'not moved');
});

test('Z at the end says how to go back; g stays the History and System views\' own key', async () => {
  const { source, replay } = await controller(5);
  source.moveTo(4);
  assert.match(replay.togglePlay().message ?? '', /at the end of the recording/);
  assert.equal(source.playing, false);
  assert.equal(replay.onKey('g', 'history'), undefined);
  assert.equal(replay.onKey('g', 'system'), undefined);
  assert.ok(replay.onKey('t', 'history')?.overlay, 't opens the prompt there');
  assert.ok(replay.onKey('g', 'processes')?.overlay);
  assert.equal(replay.onKey('q', 'processes'), undefined);
  assert.match(replay.onKey('right', 'processes')?.message ?? '', /the last sample/);
});

test('the footer offers the replay keys and none of the live-only ones', () => {
  const keys = replayFooter(FOOTER_KEYS.processes).map(([key]) => key);
  assert.deepEqual(keys.slice(0, 7), ['F1', 'F2', '←→', '[]', 'g', 'Z', 'x']);
  for (const gone of ['F9', 'Enter']) assert.ok(!keys.includes(gone), gone);
  assert.equal(keys.at(-1), 'F10');
});
