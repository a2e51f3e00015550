import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { recordedSamples } from '../../test/helpers/recorded-samples.js';
import { SampleEncoder } from './sample-codec.js';
import { encodeRecord, FORMAT_NAME, FORMAT_VERSION } from './record-format.js';
import { openRecording } from './open-recording.js';

const samples = recordedSamples(4);
const encoder = new SampleEncoder(60_000);
const text = [
  encodeRecord({ type: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, memtopVersion: '0.1.0', host: 'box', kernel: '6.1.0', pageSizeBytes: 4096, intervalMs: 1000, startedMs: samples[0].timeMs }),
  ...samples.map((s) => encodeRecord(encoder.encode(s))),
].join('');

function inDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-open-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('plain and gzip files read the same, told apart by their first bytes whatever the name', () => {
  inDir((dir) => {
    writeFileSync(join(dir, 'plain.ndjson'), text);
    writeFileSync(join(dir, 'zipped.data'), gzipSync(text));
    const plain = openRecording(join(dir, 'plain.ndjson'));
    const zipped = openRecording(join(dir, 'zipped.data'));
    assert.equal(plain.length, 4);
    assert.deepEqual(zipped.sampleAt(3), plain.sampleAt(3));
    assert.deepEqual(zipped.notes.map((n) => n.replace(/^\S+/, '')), plain.notes.map((n) => n.replace(/^\S+/, '')));
  });
});

/** Gzip flushed after each line, as the recorder writes it, so that a cut keeps every line before it. */
async function gzipByLine(lines: string[]): Promise<Buffer> {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (const line of lines) {
    gzip.write(line);
    await new Promise<void>((resolve) => gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  }
  return Buffer.concat(chunks);
}

test('a gzip file cut in half reads to its last whole sample, saying the stream was cut', async () => {
  const zipped = await gzipByLine(text.split(/(?<=\n)/));
  inDir((dir) => {
    writeFileSync(join(dir, 'cut.gz'), zipped.subarray(0, zipped.length - 60)); // inside the last record
    const recording = openRecording(join(dir, 'cut.gz'));
    assert.ok(recording.length >= 1 && recording.length < 4, `${recording.length} samples`);
    assert.match(recording.notes[0], /gzip stream is cut short/);
  });
});

test('a missing file or a directory: one line naming it', () => {
  inDir((dir) => {
    assert.throws(() => openRecording(join(dir, 'none')), /^RecordingError: cannot read .*none: no such file or directory$/);
    assert.throws(() => openRecording(dir), /cannot read .*: is a directory$/);
  });
});
