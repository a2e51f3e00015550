import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatm } from './statm.js';
import { parseStatus } from './status.js';
import { fixturePids, fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();
const PAGE = 4096;

test('every captured statm: seven page counts as the text says', () => {
  for (const pid of fixturePids()) {
    const text = fixtureText(`proc-basic/${pid}/statm`);
    const statm = parseStatm(text);
    assert.ok(statm, `${pid}`);
    assert.deepEqual(Object.values(statm), text.trim().split(' ').map(Number));
    assert.equal(statm.libPages, 0);
    assert.equal(statm.dirtyPages, 0);
  }
});

test('statm agrees with status for the stopped helpers', () => {
  for (const pid of [procs.sleeper, procs.memhog, procs.memhogChild, procs.locker]) {
    const statm = parseStatm(fixtureText(`proc-basic/${pid}/statm`))!;
    const s = parseStatus(fixtureText(`proc-basic/${pid}/status`));
    assert.equal(statm.sizePages * PAGE, s.vmSizeBytes, `${pid} size`);
    assert.equal(statm.residentPages * PAGE, s.vmRssBytes, `${pid} resident`);
    assert.equal(statm.sharedPages * PAGE, s.rssFileBytes! + s.rssShmemBytes!, `${pid} shared`);
    assert.equal(statm.dataPages * PAGE, s.vmDataBytes! + s.vmStackBytes!, `${pid} data`);
  }
});

test('kernel thread and zombie: zeros', () => {
  for (const pid of [procs.kthreadd, procs.zombie]) {
    assert.deepEqual(Object.values(parseStatm(fixtureText(`proc-basic/${pid}/statm`))!), [0, 0, 0, 0, 0, 0, 0]);
  }
});

test('empty, truncated and junk statm give null', () => {
  for (const text of ['', '\n', '7277 2944 596 1 0', '7277 2944 596 1 0 6489', '7277 2944 x 1 0 6489 0', '1 2 3 4 5 6 -0.5']) {
    assert.equal(parseStatm(text), null, JSON.stringify(text));
  }
});

test('found by fast-check: a negative or rounded page count makes statm unknown', () => {
  assert.equal(parseStatm('-1 2944 596 1 0 6489 0\n'), null);
  assert.equal(parseStatm('0 0 0 0 0 0 9007199254740992\n'), null);
  assert.equal(parseStatm('1e3 2944 596 1 0 6489 0\n'), null);
});
