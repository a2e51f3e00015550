/**
 * `memtop record` and the commands that read recordings, given bad input: each a one-line error
 * with the right exit code, and nothing already written lost. Also: SIGTERM ends a recording
 * cleanly, and `-o -` writes the records to standard output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMemtop } from '../helpers/run-memtop.js';
import { recordedLines, startRecorder, untilSamples } from '../helpers/record-memtop.js';
import { copyTree } from '../helpers/fixture-copy.js';
import { procBasic } from '../helpers/paths.js';

function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.match(stderr.trimEnd(), pattern);
  assert.doesNotMatch(stderr, /^\s+at |node:internal/m, stderr);
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-record-errors-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A small recording of the proc-basic fixture tree, quick to write. */
function smallRecording(path: string, count: number): void {
  const run = runMemtop(['record', '-o', path, '-d', '0.2', '--count', String(count), '--proc', procBasic]);
  assert.equal(run.status, 0, run.stderr);
}

test('usage errors: a bad --max-size, --count, --delay, --at; --at without --from; --duration with --count; no -o', () => {
  for (const [args, pattern] of [
    [['record', '-o', 'x', '--max-size', 'lots'], /^memtop: --max-size takes a size in bytes of at least 4096, or with K, M or G \(1024-based\), not 'lots'$/],
    [['record', '-o', 'x', '--count', '0'], /^memtop: --count takes a whole number from 1 to/],
    [['record', '-o', 'x', '-d', '0'], /^memtop: --delay takes a number of seconds from 0.2 to 3600, not '0'$/],
    [['record', '-o', 'x', '--duration', '5', '--count', '3'], /^memtop: option '--duration <seconds>' cannot be used with option '--count <n>'$/],
    [['record'], /^memtop: required option '-o, --output <file>' not specified$/],
    [['snapshot', '--from', 'x', '--at', 'noon'], /^memtop: --at takes HH:MM:SS, an ISO time, \+SECONDS or end, not 'noon'$/],
    [['snapshot', '--at', 'end'], /^memtop: --at needs --from FILE \(a recording\)$/],
    [['snapshot', '--from', 'x', '--interval', '1'], /^memtop: option '--from <file>' cannot be used with option '-i, --interval <seconds>'$/],
    [['leaks', '--from', 'x', '--duration', '5'], /^memtop: option '--from <file>' cannot be used with option '--duration <seconds>'$/],
  ] as const) {
    const run = runMemtop(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr.split('\n')[0], pattern, args.join(' '));
  }
});

test('an unwritable path: one line, exit 1, before anything is sampled', (t) => {
  const dir = tempDir(t);
  for (const [path, why] of [[join(dir, 'none', 'r.ndjson'), 'no such file or directory'], [dir, 'is a directory']]) {
    const run = runMemtop(['record', '-o', path, '--count', '1']);
    assert.equal(run.status, 1);
    assertOneLine(run.stderr, new RegExp(`^memtop: cannot write ${path}: ${why}$`));
  }
});

test('a file that is not a recording, or of a newer format: recording into it and reading it are refused, the file left as it was', (t) => {
  const dir = tempDir(t);
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'my notes\n');
  const newer = join(dir, 'newer.ndjson');
  writeFileSync(newer, `${JSON.stringify({ type: 'header', format: 'memtop-recording', version: 99 })}\n{"type":"frame"}\n`);
  for (const [path, why] of [[notes, 'it is not a memtop recording'], [newer, 'it is a version 99 recording, newer than this memtop reads']]) {
    const before = readFileSync(path);
    const record = runMemtop(['record', '-o', path, '--count', '1', '--proc', procBasic]);
    assert.equal(record.status, 1);
    assertOneLine(record.stderr, new RegExp(`^memtop: will not append to ${path}: ${why}.*; record into another file$`));
    assert.ok(readFileSync(path).equals(before), `${path} unchanged`);
    for (const command of [['snapshot', '--from', path], ['leaks', '--from', path]]) {
      const read = runMemtop(command);
      assert.equal(read.status, 1, command.join(' '));
      assertOneLine(read.stderr, /^memtop: .* (is not a memtop recording|is a version 99 recording, newer than this memtop reads \(version 1 and older\): read it with a newer memtop)/);
    }
  }
});

test('a recording cut in half replays to its last whole sample with a note, exit 0', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'cut.ndjson');
  smallRecording(path, 6);
  // Half of its samples: the cut falls in the middle of the fourth one.
  const lines = recordedLines(path).map((l) => Buffer.byteLength(l) + 1);
  const cutAt = lines.slice(0, 4).reduce((a, b) => a + b, 0) + Math.floor(lines[4] / 2);
  truncateSync(path, cutAt);
  const whole = recordedLines(path).filter((l) => /^\{"type":"(keyframe|delta)"/.test(l)).length;
  assert.equal(whole, 3);
  const run = runMemtop(['snapshot', '--from', path, '--at', 'end']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /cut short .* read up to its last whole sample/);
  assert.match(run.stderr, new RegExp(`\\(${whole} of ${whole}\\)`));
  assert.match(run.stdout, /^\s+PID USER/);
});

test('--at outside the recording: one line, exit 1', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'r.ndjson');
  smallRecording(path, 2);
  const run = runMemtop(['snapshot', '--from', path, '--at', '+3600']);
  assert.equal(run.status, 1);
  assertOneLine(run.stderr, /^memtop: --at: that is after the recording ends \(.*; --at end names the last sample\)$/);
});

test('recording into an existing recording appends: both sessions read back', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'r.ndjson.gz');
  smallRecording(path, 2);
  smallRecording(path, 3);
  const run = runMemtop(['snapshot', '--from', path, '--at', 'end', '--json']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /\(5 of 5\)/);
});

test('SIGTERM ends a recording cleanly (exit 0, an end record); -o - writes the records to standard output', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'r.ndjson');
  const tree = copyTree(procBasic);
  t.after(() => tree.remove());
  const recorder = startRecorder(['-o', path, '-d', '0.2', '--proc', tree.root]);
  t.after(() => recorder.child.kill('SIGKILL'));
  await untilSamples(path, 2);
  recorder.child.kill('SIGTERM');
  const { code, stderr } = await recorder.ended;
  assert.equal(code, 0, stderr);
  assert.match(recordedLines(path).at(-1)!, /^\{"type":"end","timeMs":\d+,"samples":\d+,"reason":"signal"\}$/);

  const out = runMemtop(['record', '-o', '-', '-d', '0.2', '--count', '3', '--proc', procBasic]);
  assert.equal(out.status, 0, out.stderr);
  const types = out.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
  assert.deepEqual(types, ['header', 'keyframe', 'delta', 'delta', 'end']);
});

for (const [name, fillerKiB] of [['r.ndjson', 48], ['r.ndjson.gz', 56]] as const) {
  test(`${name}: a full disk: one line, exit 1, and every sample written before it still reads back`, { skip: process.getuid?.() !== 0 ? 'mounting a tmpfs needs root' : false }, (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'memtop-record-full-'));
    const mount = join(dir, 'small');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    t.after(() => {
      execFileSync('umount', [mount]);
      rmSync(dir, { recursive: true, force: true });
    });
    // Leave a few pages free: the fixture tree's keyframe (about 10 KiB plain, 3 KiB gzip) and some dozens of deltas.
    writeFileSync(join(mount, 'filler'), Buffer.alloc(fillerKiB * 1024));
    const path = join(mount, name);
    const run = runMemtop(['record', '-o', path, '-d', '0.2', '--proc', procBasic]);
    assert.equal(run.status, 1);
    const held = /; the (\d+) samples written before it \(.*\) stay readable$/m.exec(run.stderr);
    assertOneLine(run.stderr.split('\n').filter((l) => !l.startsWith('memtop record: recording every')).join('\n'),
      /^memtop: cannot write .*r\.ndjson(\.gz)?: no space left on device; the \d+ samples written before it \(\S+ to \S+\) stay readable$/);
    assert.ok(held && Number(held[1]) >= 2, run.stderr);
    const read = runMemtop(['snapshot', '--from', path, '--at', 'end']);
    assert.equal(read.status, 0, read.stderr);
    // The write that failed may have put its whole record out before failing (the disk filled in
    // what follows it: a gzip flush marker): then that sample reads back too.
    const read_ = /\((\d+) of \1\)/.exec(read.stderr);
    assert.ok(read_ && [Number(held![1]), Number(held![1]) + 1].includes(Number(read_[1])), `${read.stderr} after ${held![1]} written`);
  });
}
