import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedSamples } from '../../test/helpers/recorded-samples.js';
import { misfitField } from './process-shape.js';
import { decodeRecord, encodeRecord, RecordProblem } from './record-format.js';

const [sample] = recordedSamples(1);
const process = sample.processes[0] as unknown as Record<string, unknown>;

test('every process the sampler makes fits; a field of the wrong type or a missing one is named', () => {
  for (const p of sample.processes) assert.equal(misfitField(p as unknown as Record<string, unknown>, true), null, `PID ${p.pid}`);
  assert.equal(misfitField({ ...process, comm: 42 }, true), 'comm');
  assert.equal(misfitField({ ...process, rssBytes: '1G' }, true), 'rssBytes');
  assert.equal(misfitField({ ...process, denied: [1] }, true), 'denied');
  const { cmdline: _, ...noCmdline } = process;
  assert.equal(misfitField(noCmdline, true), 'cmdline');
  assert.equal(misfitField({ pid: 1, pssBytes: 5 }, false), null, 'a patch holds only what changed');
  assert.equal(misfitField({ pid: 1, pssBytes: Infinity }, false), 'pssBytes');
});

test('a keyframe or a delta with a misfit process is a damaged record; an end record\'s strange reason becomes "unknown"', () => {
  const keyframe = encodeRecord({ type: 'keyframe', timeMs: sample.timeMs, sample: { ...sample, processes: [{ ...sample.processes[0], user: null as never }] } });
  assert.throws(() => decodeRecord(keyframe), (e: Error) => e instanceof RecordProblem && /PID \d+ has no valid user/.test(e.message));
  const delta = JSON.stringify({ type: 'delta', timeMs: 1, sample: {}, started: [], changed: [{ pid: 5, state: 7 }], exited: [] });
  assert.throws(() => decodeRecord(delta), /a delta in which PID 5 has no valid state/);
  const end = decodeRecord(JSON.stringify({ type: 'end', timeMs: 1, samples: 1, reason: '\u001b]0;title\u0007' }));
  assert.deepEqual(end, { type: 'end', timeMs: 1, samples: 1, reason: 'unknown' });
  assert.throws(() => decodeRecord('{"type":"header","format":"memtop-recording","format":"\\u001b[31m"}'), (e: Error) => e.message === 'a header of another format');
});
