import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMemtop } from '../helpers/run-memtop.js';
import { recordedSamples } from '../helpers/recorded-samples.js';
import { recordingText, writeRecording } from '../helpers/write-recording.js';

let dir: string;
let good: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'memtop-replay-errors-'));
  good = join(dir, 'good.ndjson');
  writeRecording(good, recordedSamples(8));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, no stack trace, the exit code. */
function oneLine(result: { status: number | null; stderr: string; stdout: string }, status: number, pattern: RegExp): void {
  assert.equal(result.status, status, result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:/);
  assert.equal(result.stdout, '');
}

test('a missing file: one line, exit 1', async () => {
  const r = await runMemtop(['replay', join(dir, 'nothing-here.ndjson')]);
  oneLine(r, 1, /^memtop: cannot read .*nothing-here\.ndjson: no such file or directory$/);
});

test('a file that is not a recording: one line, exit 1', async () => {
  const path = join(dir, 'notes.txt');
  writeFileSync(path, 'hello\nworld\n');
  oneLine(await runMemtop(['replay', path]), 1, /^memtop: .*notes\.txt is not a memtop recording/);
  oneLine(await runMemtop(['replay', dir]), 1, /^memtop: cannot read .*: is a directory$/);
});

test('a recording of a newer format version: one line, exit 1', async () => {
  const path = join(dir, 'newer.ndjson');
  writeFileSync(path, recordingText(recordedSamples(6), { version: 99 }));
  oneLine(await runMemtop(['replay', path]), 1, /^memtop: .*newer\.ndjson is a version 99 recording, newer than this memtop reads/);
});

test('a file cut inside its header holds no sample: one line, exit 1', async () => {
  const path = join(dir, 'cut-header.ndjson');
  writeFileSync(path, readFileSync(good, 'utf8').slice(0, 30));
  oneLine(await runMemtop(['replay', path]), 1, /^memtop: .*cut-header\.ndjson is cut short inside its first line: it holds no sample$/);
});

test('bad flags: one line and how to get help, exit 2', async () => {
  oneLine(await runMemtop(['replay', good, '--speed', '5']), 2, /^memtop: .*--speed takes 1, 10 or 60, not '5'/);
  oneLine(await runMemtop(['replay', good, '--at', 'noon']), 2, /^memtop: --at takes HH:MM:SS, an ISO time, \+SECONDS or end, not 'noon'$/);
  oneLine(await runMemtop(['replay', good, '--columns', 'pss,nope']), 2, /^memtop: .*nope/);
  oneLine(await runMemtop(['replay']), 2, /^memtop: missing required argument 'file'/);
});

test('--at outside the recording: one line, exit 1', async () => {
  oneLine(await runMemtop(['replay', good, '--at', '2001-01-01 10:00:00']), 1, /^memtop: --at: that is before the recording starts \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)$/);
  oneLine(await runMemtop(['replay', good, '--at', '+3600']), 1, /^memtop: --at: that is after the recording ends \(.*--at end names the last sample\)$/);
});

test('no terminal: one line, exit 2, after the file was checked', async () => {
  oneLine(await runMemtop(['replay', good]), 2, /^memtop: replay is the interactive UI on a recording: it needs a terminal$/);
});

test('a gzip recording opens as a plain one does (then: no terminal)', async () => {
  const path = join(dir, 'good.ndjson.gz');
  writeFileSync(path, gzipSync(readFileSync(good)));
  oneLine(await runMemtop(['replay', path]), 2, /^memtop: replay is the interactive UI on a recording: it needs a terminal$/);
});

test('a file cut mid-record: the note says it replays to its last whole sample (then: no terminal)', async () => {
  const path = join(dir, 'cut.ndjson');
  const text = readFileSync(good, 'utf8');
  writeFileSync(path, text.slice(0, text.lastIndexOf('{"type":"delta"') + 40));
  const r = await runMemtop(['replay', path]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^memtop: .*cut\.ndjson ends in a record cut short \(no end of line\): read up to its last whole sample \(.+\)\nmemtop: replay is the interactive UI/);
});
