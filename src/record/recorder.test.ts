import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sample } from '../sampler/sample.js';
import { recordedSamples } from '../../test/helpers/recorded-samples.js';
import { FORMAT_NAME, FORMAT_VERSION, type HeaderRecord } from './record-format.js';
import { RecordingWriter } from './recording-writer.js';
import { Recorder, type RecordingSummary } from './recorder.js';
import { openRecording } from './open-recording.js';

const asJson = (sample: Sample): Sample => JSON.parse(JSON.stringify(sample));
const samples = recordedSamples(8);

const header = (first: Sample): HeaderRecord => ({
  type: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, memtopVersion: '0.1.0', host: 'box', kernel: '6.1.0',
  pageSizeBytes: 4096, intervalMs: 1000, startedMs: first.timeMs,
});

async function record(path: string, from: Sample[], options: { count?: number; maxSizeBytes?: number } = {}): Promise<RecordingSummary> {
  const recorder = new Recorder({ writer: RecordingWriter.open(path, { maxSizeBytes: options.maxSizeBytes }), header, count: options.count, keyframeEveryMs: 3000 });
  for (const sample of from) recorder.onSample(sample);
  return options.count === undefined ? recorder.stop('signal') : recorder.done;
}

async function inDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-recorder-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const name of ['r.ndjson', 'r.ndjson.gz']) {
  test(`${name}: recorded samples read back exactly; --count stops it and the end record says so`, () => inDir(async (dir) => {
    const path = join(dir, name);
    const summary = await record(path, samples, { count: 5 });
    assert.equal(summary.samples, 5);
    assert.equal(summary.reason, 'count');
    assert.equal(summary.sizeBytes, statSync(path).size);
    const recording = openRecording(path);
    assert.deepEqual(recording.notes, []);
    assert.equal(recording.length, 5);
    assert.equal(recording.sessions[0].endReason, 'count');
    for (let i = 0; i < 5; i++) assert.deepEqual(recording.sampleAt(i), asJson(samples[i]));
    assert.equal(readFileSync(path)[0] === 0x1f, name.endsWith('.gz'), 'gzip exactly when the name ends in .gz');
  }));

  test(`${name}: recording into an existing recording appends a session`, () => inDir(async (dir) => {
    const path = join(dir, name);
    await record(path, samples.slice(0, 3));
    const before = readFileSync(path);
    await record(path, samples.slice(3));
    assert.ok(readFileSync(path).subarray(0, before.length).equals(before), 'what was there is kept byte for byte');
    const recording = openRecording(path);
    assert.equal(recording.sessions.length, 2);
    assert.equal(recording.length, 8);
    assert.deepEqual(recording.sampleAt(7), asJson(samples[7]));
    assert.deepEqual(recording.notes, []);
  }));

  test(`${name}: --max-size stops before the file would pass it, and the recording still ends cleanly`, () => inDir(async (dir) => {
    const path = join(dir, name);
    const whole = await record(join(dir, `whole-${name}`), samples);
    const maxSizeBytes = Math.floor(whole.sizeBytes * 0.9);
    const summary = await record(path, samples, { maxSizeBytes });
    assert.equal(summary.reason, 'max-size');
    assert.ok(summary.samples > 0 && summary.samples < samples.length, `${summary.samples} samples`);
    assert.ok(statSync(path).size <= maxSizeBytes, `${statSync(path).size} > ${maxSizeBytes}`);
    const recording = openRecording(path);
    assert.equal(recording.length, summary.samples);
    assert.equal(recording.sessions[0].endReason, 'max-size');
    assert.deepEqual(recording.notes, [], 'a whole file (a gzip member ended by hand is valid gzip)');
  }));
}

test('appending after a record cut short (a killed recorder): the piece is set apart by a newline and skipped on reading', () => inDir(async (dir) => {
  const path = join(dir, 'r.ndjson');
  await record(path, samples.slice(0, 3));
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/(?<=\n)/);
  writeFileSync(path, lines.slice(0, 3).join('') + lines[3].slice(0, 40)); // header, 2 samples, a piece of the third
  await record(path, samples.slice(3, 6));
  const recording = openRecording(path);
  assert.equal(recording.length, 2 + 3);
  assert.deepEqual(recording.sampleAt(4), asJson(samples[5]));
  assert.match(recording.notes.join(), /line 4 is a record cut short .*skipped/);
}));

test('a file that is not a recording, of a newer format, or a gzip cut short: refused in one line, left as it was', () => inDir(async (dir) => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['notes.txt', 'my notes\n', /will not append to .*notes.txt: it is not a memtop recording/],
    ['new.ndjson', `${JSON.stringify({ ...header(samples[0]), version: FORMAT_VERSION + 1 })}\n`, /will not append to .*: it is a version 2 recording, newer than this memtop reads/],
    ['plain.gz', 'my notes\n', /its name ends in .gz but it is not gzip/],
  ];
  const whole = join(dir, 'whole.gz');
  await record(whole, samples.slice(0, 3));
  cases.push(['cut.gz', readFileSync(whole).subarray(0, statSync(whole).size - 30), /gzip stream is cut short .*record into another file/]);
  for (const [name, content, message] of cases) {
    const path = join(dir, name);
    writeFileSync(path, content);
    assert.throws(() => RecordingWriter.open(path), message, name);
    assert.ok(readFileSync(path).equals(Buffer.from(content)), `${name} is unchanged`);
  }
}));

test('an unwritable path is one line; a new file with nothing recorded in it is removed', () => inDir(async (dir) => {
  assert.throws(() => RecordingWriter.open(join(dir, 'no-such-dir', 'r.ndjson')), /^RecordingError: cannot write .*r.ndjson: no such file or directory$/);
  assert.throws(() => RecordingWriter.open(dir), /cannot write .*: is a directory/);
  const path = join(dir, 'empty.ndjson');
  const summary = await record(path, []);
  assert.equal(summary.samples, 0);
  assert.equal(existsSync(path), false);
}));

test('a write that fails (a full disk: /dev/full) ends the recording with the error, the file closed', async () => {
  const recorder = new Recorder({ writer: RecordingWriter.open('/dev/full'), header });
  for (const sample of samples.slice(0, 3)) recorder.onSample(sample);
  const summary = await recorder.done;
  assert.equal(summary.reason, 'error');
  assert.equal(summary.samples, 0);
  assert.match(summary.error!.message, /^cannot write \/dev\/full: no space left on device$/);
});
