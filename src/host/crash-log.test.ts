import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeCrashLog } from './crash-log.js';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'crash-log-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const named = (dir: string) => join(dir, `memtop-crash-${process.pid}.log`);

test('the log is a new file of mode 0600 under the usual name', (t) => {
  const dir = scratch(t);
  const path = writeCrashLog(new Error('first'), dir);
  assert.equal(path, named(dir));
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.match(readFileSync(path, 'utf8'), /Error: first/);
});

test('a planted symlink is not followed: its target stays as it was, the log goes to a private directory', (t) => {
  const dir = scratch(t);
  const target = join(dir, 'precious');
  writeFileSync(target, 'keep me\n');
  symlinkSync(target, named(dir));
  const path = writeCrashLog(new Error('through a link'), dir);
  assert.equal(readFileSync(target, 'utf8'), 'keep me\n');
  assert.ok(lstatSync(named(dir)).isSymbolicLink());
  assert.notEqual(path, named(dir));
  assert.equal(statSync(dirname(path)).mode & 0o777, 0o700);
  assert.equal(lstatSync(path).mode & 0o777, 0o600);
  assert.match(readFileSync(path, 'utf8'), /through a link/);
});

test('a dangling planted symlink is not created through either', (t) => {
  const dir = scratch(t);
  const target = join(dir, 'would-be-created');
  symlinkSync(target, named(dir));
  const path = writeCrashLog(new Error('dangling'), dir);
  assert.throws(() => lstatSync(target), /ENOENT/);
  assert.match(readFileSync(path, 'utf8'), /dangling/);
});

test('a planted regular file is left alone', (t) => {
  const dir = scratch(t);
  writeFileSync(named(dir), 'someone else\'s\n');
  const path = writeCrashLog(new Error('second'), dir);
  assert.equal(readFileSync(named(dir), 'utf8'), 'someone else\'s\n');
  assert.notEqual(path, named(dir));
  assert.match(readFileSync(path, 'utf8'), /second/);
});

test('a directory it cannot write to gives a reason, not an exception', () => {
  assert.equal(writeCrashLog(new Error('nowhere'), '/nonexistent-dir-for-memtop'), '(could not write a log file)');
});
