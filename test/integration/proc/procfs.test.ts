import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcFs, isFailure, isGone, isDenied, type ReadResult } from '../../../src/proc/procfs.js';
import { parseSmaps } from '../../../src/proc/smaps.js';
import { parsePidStat } from '../../../src/proc/pid-stat.js';
import { PROC_BASIC, fixturePids, fixtureProcesses } from '../../fixtures/fixture-tree.js';
import { text, withTempDir } from '../../helpers/procfs-checks.js';

const procs = fixtureProcesses();

test('live: /proc/self/smaps is read whole, every mapping, not the first page only', () => {
  const procfs = new ProcFs();
  // Node's own mappings change while it runs (reading a 200 KB file into a string may map a new
  // heap page), so read maps before and after smaps: every mapping present in both must be in
  // smaps, and smaps holds nothing that is in neither.
  const before = text(procfs.read('self/maps')).trimEnd().split('\n');
  const smaps = text(procfs.read('self/smaps'));
  const after = text(procfs.read('self/maps')).trimEnd().split('\n');
  const headers = smaps.split('\n').filter((l) => /^[0-9a-f]+-[0-9a-f]+ /.test(l));
  const inSmaps = new Set(headers);
  const stable = before.filter((l) => after.includes(l));
  assert.ok(stable.length > 100, `node maps many things, ${stable.length} stable`);
  assert.deepEqual(stable.filter((l) => !inSmaps.has(l)), [], 'stable mappings missing from smaps');
  assert.deepEqual(headers.filter((l) => !before.includes(l) && !after.includes(l)), []);
  const mappings = parseSmaps(smaps);
  assert.equal(mappings.length, headers.length);
  assert.ok(smaps.length > 64 * 1024, `smaps is ${smaps.length} bytes`);
  assert.ok(smaps.endsWith('\n'));
  for (const m of mappings) assert.ok(m.vmFlags.length > 0, `${m.start} has its VmFlags: the mapping is whole`);
  if (after.some((l) => l.endsWith('[vsyscall]'))) assert.equal(mappings[mappings.length - 1].path, '[vsyscall]');
  // readSingle stops at the first short read: right for single_open files, wrong for smaps,
  // which the kernel hands out about a page at a time.
  assert.ok(text(procfs.readSingle('self/smaps')).length < smaps.length / 4);
});

test('live: single_open files through readSingle', () => {
  const procfs = new ProcFs();
  const stat = parsePidStat(text(procfs.readSingle('self/stat')));
  assert.equal(stat?.pid, process.pid);
  assert.ok(text(procfs.readSingle('self/status')).includes(`\nPid:\t${process.pid}\n`));
  assert.ok(text(procfs.readSingle('self/smaps_rollup')).includes('[rollup]'));
  assert.ok(procfs.listPids().includes(process.pid));
  assert.ok(procfs.exists('self/smaps_rollup'));
});

test('live: /proc/1/smaps_rollup is refused with EACCES even to root in this sandbox', (t) => {
  const result = new ProcFs().readSingle('1/smaps_rollup');
  if (!isFailure(result)) {
    t.skip('/proc/1/smaps_rollup is readable here: this machine does not refuse it');
    return;
  }
  assert.equal(result.code, 'EACCES');
  assert.ok(isDenied(result));
  assert.ok(!isGone(result));
  assert.equal(result.path, '/proc/1/smaps_rollup');
});

test('live: a kernel thread has no smaps_rollup (ESRCH) though it is not gone', (t) => {
  const procfs = new ProcFs();
  const stat = procfs.readSingle('2/stat');
  if (isFailure(stat) || parsePidStat(stat)?.comm !== 'kthreadd') {
    t.skip('no kthreadd at PID 2 here (a PID namespace?)');
    return;
  }
  const rollup = procfs.readSingle('2/smaps_rollup');
  assert.ok(isFailure(rollup));
  assert.equal(rollup.code, 'ESRCH');
  assert.equal(text(procfs.read('2/smaps')), '');
});

test('filesShowOwner: a procfs mount yes, a copy of one (a fixture tree) no', () => {
  assert.equal(new ProcFs('/proc').filesShowOwner, true);
  assert.equal(new ProcFs('/proc/').filesShowOwner, true);
  assert.equal(new ProcFs(PROC_BASIC).filesShowOwner, false);
  assert.equal(new ProcFs('/nonexistent-root').filesShowOwner, false);
});

test('live: ownerOf is the owner of a path under the root, null when it is gone', () => {
  const procfs = new ProcFs();
  assert.equal(procfs.ownerOf('self'), process.geteuid!());
  assert.equal(procfs.ownerOf(String(process.pid)), process.geteuid!());
  assert.equal(procfs.ownerOf('999999999'), null);
});
