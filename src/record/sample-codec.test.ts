import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Sample } from '../sampler/sample.js';
import { recordedSamples } from '../../test/helpers/recorded-samples.js';
import { applyDelta, encodeDelta, SampleEncoder } from './sample-codec.js';
import { decodeRecord, encodeRecord, RecordProblem, type DeltaRecord, type KeyframeRecord } from './record-format.js';

/** What a file gives back: the sample as JSON carries it (absent optional fields stay absent). */
const asJson = (sample: Sample): Sample => JSON.parse(JSON.stringify(sample));

test('every sample comes back exactly from the keyframe and the deltas, through the text of the file', () => {
  const samples = recordedSamples();
  const encoder = new SampleEncoder(60_000);
  let rebuilt: Sample | null = null;
  for (const sample of samples) {
    const record = decodeRecord(encodeRecord(encoder.encode(sample)).trimEnd()) as KeyframeRecord | DeltaRecord;
    rebuilt = record.type === 'keyframe' ? record.sample : applyDelta(rebuilt!, record);
    assert.deepEqual(rebuilt, asJson(sample));
  }
});

test('a delta carries starts, exits, a reused PID and only the changed fields', () => {
  const samples = recordedSamples();
  const kinds = samples.slice(1).map((s, i) => encodeDelta(samples[i], s));
  assert.ok(kinds.some((d) => d.exited.includes(3852) && !d.started.some((p) => p.pid === 3852)), 'an exit');
  assert.ok(kinds.some((d) => d.started.some((p) => p.pid === 4000)), 'a start');
  assert.ok(kinds.some((d) => d.exited.includes(3853) && d.started.some((p) => p.pid === 3853)), 'a PID reused by a new process');
  const grown = kinds[0].changed.find((c) => c.pid === 3851);
  assert.ok(grown && typeof grown.pssBytes === 'number', 'the growing process carries its PSS');
  assert.equal(grown.comm, undefined, 'its unchanged name does not travel');
  assert.ok(JSON.stringify(kinds[0]).length < JSON.stringify(samples[1]).length / 3, 'a delta is much smaller than the sample');
});

test('keyframes come first and again once keyframeEveryMs has passed', () => {
  const samples = recordedSamples(8);
  const encoder = new SampleEncoder(3000);
  const types = samples.map((s) => encoder.encode(s).type);
  assert.deepEqual(types, ['keyframe', 'delta', 'delta', 'keyframe', 'delta', 'delta', 'keyframe', 'delta']);
});

test('the order of the processes is kept when it is not the natural one', () => {
  const [first, second] = recordedSamples(2);
  const shuffled = { ...second, processes: [...second.processes].reverse() };
  const delta = encodeDelta(first, shuffled);
  assert.ok(delta.order);
  assert.deepEqual(applyDelta(first, delta).processes.map((p) => p.pid), shuffled.processes.map((p) => p.pid));
  assert.equal(encodeDelta(first, second).order, undefined);
});

test('a delta that does not fit the sample before it is refused, not half-applied', () => {
  const [first, second] = recordedSamples(2);
  const delta = encodeDelta(first, second);
  assert.throws(() => applyDelta(first, { ...delta, changed: [{ pid: 999_999, pssBytes: 1 }] }), RecordProblem);
  assert.throws(() => applyDelta(first, { ...delta, exited: [999_999] }), RecordProblem);
  assert.throws(() => applyDelta(first, { ...delta, started: [first.processes[0]] }), RecordProblem);
  assert.throws(() => applyDelta(first, { ...delta, order: [1] }), RecordProblem);
});
