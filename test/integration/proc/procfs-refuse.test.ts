// What is not a proc file in a --proc tree (a FIFO, a link to a device, a huge file) is refused
// at once with a code, never waited on or read without bound; a capped read says it was cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcFs, failureText, isFailure, isRefusedFile } from '../../../src/proc/procfs.js';

function withTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-refuse-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a FIFO is refused (EFTYPE) at once, by every kind of read, not waited on', () => {
  withTempDir((dir) => {
    execFileSync('mkfifo', [join(dir, 'stat')]);
    const procfs = new ProcFs(dir);
    for (const result of [procfs.readSingle('stat'), procfs.read('stat'), procfs.readSingleBytes('stat'), procfs.readPrefix('stat', 10)]) {
      assert.ok(isFailure(result), 'refused');
      assert.equal(result.code, 'EFTYPE');
      assert.ok(isRefusedFile(result));
      assert.equal(failureText(result), `${dir}/stat: not a regular file (refused)`);
    }
  });
});

test('a link to /dev/zero is refused; a link to a regular file is read', () => {
  withTempDir((dir) => {
    symlinkSync('/dev/zero', join(dir, 'cmdline'));
    writeFileSync(join(dir, 'real'), 'a\0b\0');
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    const procfs = new ProcFs(dir);
    const zero = procfs.readPrefix('cmdline', 16 * 1024);
    assert.ok(isFailure(zero) && zero.code === 'EFTYPE');
    assert.equal(procfs.readSingle('linked'), 'a\0b\0');
  });
});

test('every read is capped: past its maximum a read is refused (EFBIG), a prefix read is cut and says so', () => {
  withTempDir((dir) => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(100_000));
    writeFileSync(join(dir, 'fits'), 'y'.repeat(1000));
    const procfs = new ProcFs(dir);
    const big = procfs.readSingle('big', 50_000);
    assert.ok(isFailure(big) && big.code === 'EFBIG');
    assert.equal(procfs.readSingle('big', 100_000), 'x'.repeat(100_000), 'exactly at the cap is whole');
    assert.deepEqual(procfs.readPrefix('big', 16_384), { text: 'x'.repeat(16_384), cut: true });
    assert.deepEqual(procfs.readPrefix('fits', 1000), { text: 'y'.repeat(1000), cut: false });
    assert.deepEqual(procfs.readPrefix('fits', 999), { text: 'y'.repeat(999), cut: true });
  });
});

test('live /proc: a command line longer than the cap is cut at it, and /dev/zero behind /proc is never reached', () => {
  const procfs = new ProcFs('/proc');
  // This process's own command line is short: whole.
  const own = procfs.readPrefix('self/cmdline', 16 * 1024);
  assert.ok(!isFailure(own) && !own.cut && own.text.length > 0);
  const cut = procfs.readPrefix('self/cmdline', 4);
  assert.ok(!isFailure(cut) && cut.cut && Buffer.byteLength(cut.text) <= 4);
});

test('opens are counted per file name when asked', () => {
  withTempDir((dir) => {
    writeFileSync(join(dir, 'stat'), '1 (x) S\n');
    const procfs = new ProcFs(dir);
    procfs.readSingle('stat');
    assert.equal(procfs.openCounts, null, 'not counted unless asked');
    procfs.openCounts = new Map();
    procfs.readSingle('stat');
    procfs.read('stat');
    procfs.readSingle('missing');
    assert.deepEqual([...procfs.openCounts], [['stat', 2]], 'a failed open is no open');
  });
});
