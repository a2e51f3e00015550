import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { Sample } from '../sampler/sample.js';
import { recordedSamples } from '../../test/helpers/recorded-samples.js';
import { SampleEncoder } from './sample-codec.js';
import { encodeRecord, FORMAT_NAME, FORMAT_VERSION, type HeaderRecord } from './record-format.js';
import { readRecording } from './recording-text.js';
import { RecordingError } from './recording-error.js';
import { gunzipText } from './open-recording.js';

const asJson = (sample: Sample): Sample => JSON.parse(JSON.stringify(sample));

function header(startedMs: number): HeaderRecord {
  return { type: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, memtopVersion: '0.1.0', host: 'box', kernel: '6.1.0', pageSizeBytes: 4096, intervalMs: 1000, startedMs };
}

/** A session's lines: header, samples (keyframe every 3 s), and an end record unless `killed`. */
function session(samples: Sample[], killed = false): string[] {
  const encoder = new SampleEncoder(3000);
  const lines = [encodeRecord(header(samples[0].timeMs)), ...samples.map((s) => encodeRecord(encoder.encode(s)))];
  if (!killed) lines.push(encodeRecord({ type: 'end', timeMs: samples[samples.length - 1].timeMs, samples: samples.length, reason: 'count' }));
  return lines;
}

const samples = recordedSamples(8);
const lines = session(samples);
const text = Buffer.from(lines.join(''));

test('a whole recording gives every sample back, at any index and in any order of asking', () => {
  const recording = readRecording('r.ndjson', text);
  assert.equal(recording.length, samples.length);
  assert.deepEqual(recording.notes, []);
  assert.equal(recording.header.pageSizeBytes, 4096);
  assert.equal(recording.sessions[0].endReason, 'count');
  for (const i of [7, 2, 3, 0, 5, 6, 1, 4]) assert.deepEqual(recording.sampleAt(i), asJson(samples[i]), `sample ${i}`);
  assert.equal(recording.timeMs(3), samples[3].timeMs);
  assert.equal(recording.indexAt(samples[3].timeMs + 500), 3);
  assert.equal(recording.indexAt(samples[0].timeMs - 1), -1);
  assert.throws(() => recording.sampleAt(8), RangeError);
});

test('every prefix of the file reads back to its last whole sample, with a note when cut', () => {
  // A record is whole once its JSON is: the newline written with it may be what was cut.
  const ends: number[] = [];
  let at = 0;
  for (const line of lines) ends.push((at += Buffer.byteLength(line)));
  const headerEnd = ends[0];
  for (let cut = 1; cut < text.length; cut++) {
    const prefix = text.subarray(0, cut);
    if (cut < headerEnd - 1) {
      assert.throws(() => readRecording('r', prefix), (e: Error) => e instanceof RecordingError && /cut short inside its first line/.test(e.message));
      continue;
    }
    const wholeLines = ends.filter((end) => end - 1 <= cut).length;
    const whole = Math.min(samples.length, wholeLines - 1);
    const recording = readRecording('r', prefix);
    assert.equal(recording.length, whole, `cut at ${cut}`);
    if (whole > 0) assert.deepEqual(recording.sampleAt(whole - 1), asJson(samples[whole - 1]));
    const ended = cut === text.length - 1; // all but the end record's newline
    assert.ok(ended ? recording.notes.length === 0 : recording.notes.length === 1 && /cut short|no end record/.test(recording.notes[0]),
      `cut at ${cut}: ${recording.notes.join('; ')}`);
  }
});

test('a gzip file cut anywhere reads up to its cut', () => {
  const zipped = gzipSync(text);
  for (let cut = 20; cut < zipped.length; cut += 7) {
    const { text: out, cut: wasCut } = gunzipText('r.gz', zipped.subarray(0, cut));
    assert.ok(wasCut);
    assert.ok(text.subarray(0, out.length).equals(out));
  }
  assert.deepEqual(gunzipText('r.gz', zipped), { text, cut: false });
  assert.throws(() => gunzipText('r.gz', Buffer.concat([zipped.subarray(0, 40), Buffer.alloc(40, 0xff)])), /gzip data is damaged/);
});

test('a file that is not a recording, or of a newer format, is refused in one line', () => {
  assert.throws(() => readRecording('notes.txt', Buffer.from('hello\nworld\n')), /notes.txt is not a memtop recording/);
  assert.throws(() => readRecording('x.json', Buffer.from('{"type":"keyframe"}\n')), /not a memtop recording/);
  const newer = Buffer.from(`${JSON.stringify({ ...header(0), version: FORMAT_VERSION + 1 })}\n`);
  assert.throws(() => readRecording('new.ndjson', newer), new RegExp(`version ${FORMAT_VERSION + 1} recording, newer than this memtop reads`));
  assert.throws(() => readRecording('empty', Buffer.alloc(0)), /is empty/);
});

test('a damaged line in the middle: read up to the sample before it, with a note', () => {
  const damaged = [...lines];
  damaged[4] = '{"type":"delta","timeMs":1,"sample":{},"started":[],"changed":[{"pid":424242}],"exited":[]}\n';
  const recording = readRecording('d', Buffer.from(damaged.join('')));
  assert.equal(recording.length, 3);
  assert.match(recording.notes.join(), /damaged at line 5 \(a delta that changes PID 424242/);
});

test('a session appended after a record cut short: that record is skipped, both sessions read', () => {
  const later = recordedSamples(8).map((s) => ({ ...s, timeMs: s.timeMs + 60_000 }));
  const killed = session(samples.slice(0, 4), true);
  const cutLine = killed[4].slice(0, 50);
  const file = Buffer.from([...killed.slice(0, 4), `${cutLine}\n`, ...session(later.slice(0, 3))].join(''));
  const recording = readRecording('a', file);
  assert.equal(recording.sessions.length, 2);
  assert.equal(recording.length, 3 + 3);
  assert.deepEqual(recording.sampleAt(2), asJson(samples[2]));
  assert.deepEqual(recording.sampleAt(5), asJson(later[2]));
  assert.deepEqual(recording.sessionOf(4).firstIndex, 3);
  assert.match(recording.notes.join(), /line 5 is a record cut short .*skipped/);
});

test('a later session of a newer format is left out with a note', () => {
  const newer = `${JSON.stringify({ ...header(0), version: FORMAT_VERSION + 1 })}\n{"type":"sample"}\n`;
  const recording = readRecording('m', Buffer.from(lines.join('') + newer));
  assert.equal(recording.length, samples.length);
  assert.match(recording.notes.join(), /line 11 on it holds a newer format/);
});

test('a record of a type this reader does not know is skipped', () => {
  const extra = [...lines];
  extra.splice(3, 0, '{"type":"annotation","text":"deploy"}\n');
  const recording = readRecording('u', Buffer.from(extra.join('')));
  assert.equal(recording.length, samples.length);
  assert.deepEqual(recording.sampleAt(4), asJson(samples[4]));
  assert.deepEqual(recording.notes, []);
});
