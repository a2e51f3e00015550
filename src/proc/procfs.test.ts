import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcFs, isFailure, isGone, isDenied, type ReadResult } from './procfs.js';
import { parseSmaps } from './smaps.js';
import { parsePidStat } from './pid-stat.js';
import { PROC_BASIC, fixturePids, fixtureProcesses } from '../../test/fixtures/fixture-tree.js';
import { text, withTempDir } from '../../test/helpers/procfs-checks.js';

const procs = fixtureProcesses();

test('fixture tree: read, readSingle and readPath give the files exactly', () => {
  const procfs = new ProcFs(PROC_BASIC);
  assert.equal(procfs.root, PROC_BASIC);
  assert.equal(text(procfs.read('meminfo')), readFileSync(`${PROC_BASIC}/meminfo`, 'utf8'));
  assert.equal(text(procfs.read('pressure/memory')), readFileSync(`${PROC_BASIC}/pressure/memory`, 'utf8'));
  for (const pid of fixturePids()) {
    for (const file of ['stat', 'status', 'statm', 'cmdline', 'cgroup', 'comm']) {
      const expected = readFileSync(`${PROC_BASIC}/${pid}/${file}`, 'utf8');
      assert.equal(text(procfs.readSingle(`${pid}/${file}`)), expected, `${pid}/${file}`);
      assert.equal(text(procfs.read(`${pid}/${file}`)), expected, `${pid}/${file}`);
    }
  }
  const smapsPath = `${PROC_BASIC}/${procs.locker}/smaps`;
  assert.equal(text(procfs.readPath(smapsPath)), readFileSync(smapsPath, 'utf8'));
  assert.equal(new ProcFs(`${PROC_BASIC}/`).root, PROC_BASIC, 'a trailing slash is dropped');
  assert.equal(new ProcFs('/').root, '/');
});

test('fixture tree: listPids lists the process directories, exists tells files apart', () => {
  const procfs = new ProcFs(PROC_BASIC);
  assert.deepEqual(procfs.listPids().sort((a, b) => a - b), fixturePids());
  assert.ok(procfs.listPids().includes(1));
  assert.equal(procfs.exists(`${procs.memhog}/smaps_rollup`), true);
  assert.equal(procfs.exists(`${procs.init}/smaps_rollup`), false, 'refused, so left out of the capture');
  assert.equal(procfs.exists(`${procs.kthreadd}/smaps_rollup`), true, 'ESRCH, kept as an empty file');
  assert.equal(text(procfs.readSingle(`${procs.kthreadd}/smaps_rollup`)), '');
  assert.equal(procfs.exists('pressure/memory'), true);
});

test('a missing file is a failure with ENOENT, not a throw; a directory in a copy is refused (EFTYPE)', () => {
  const procfs = new ProcFs(PROC_BASIC);
  for (const result of [procfs.read('99999999/stat'), procfs.readSingle('99999999/stat'), procfs.readPath('/nonexistent/x')]) {
    assert.ok(isFailure(result));
    assert.equal(result.code, 'ENOENT');
    assert.ok(isGone(result));
    assert.ok(!isDenied(result));
  }
  assert.equal((procfs.read('99999999/stat') as { path: string }).path, `${PROC_BASIC}/99999999/stat`);
  const dir = procfs.read(String(procs.memhog));
  assert.ok(isFailure(dir) && dir.code === 'EFTYPE');
  assert.equal(new ProcFs('/nonexistent-root').exists('meminfo'), false);
});

test('temp dir: listPids takes only all-digit names', () => {
  withTempDir((dir) => {
    for (const name of ['1', '42', '4194304', '12a', 'a1', 'self', 'thread-self', '1.5', '-3']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, '77'), 'a file named like a pid\n');
    assert.deepEqual(new ProcFs(dir).listPids().sort((a, b) => a - b), [1, 42, 77, 4194304]);
  });
});

test('temp dir: files far larger than the 64 KiB buffer, then a small one, read exactly', () => {
  withTempDir((dir) => {
    // 300 KB of lines, with multi-byte characters straddling buffer boundaries.
    const lines: string[] = [];
    for (let i = 0; lines.join('\n').length < 300_000; i++) lines.push(`line ${i} ünïcödé ${'x'.repeat(i % 97)}`);
    const big = lines.join('\n') + '\n';
    assert.ok(Buffer.byteLength(big) > 300_000);
    writeFileSync(join(dir, 'big'), big);
    writeFileSync(join(dir, 'small'), 'tiny\n');
    writeFileSync(join(dir, 'empty'), '');
    writeFileSync(join(dir, 'exact'), 'e'.repeat(64 * 1024));
    const procfs = new ProcFs(dir);
    assert.equal(text(procfs.read('big')), big);
    assert.equal(text(procfs.readSingle('big')), big);
    assert.equal(text(procfs.read('small')), 'tiny\n', 'no bytes left over from the big file');
    assert.equal(text(procfs.read('empty')), '');
    assert.equal(text(new ProcFs(dir).read('exact')), 'e'.repeat(64 * 1024), 'a file exactly as large as the buffer');
    assert.equal(text(procfs.readPath(join(dir, 'big'))), big);
  });
});
