import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLoadavg } from './loadavg.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

test('the captured /proc/loadavg, as the text says', () => {
  const text = fixtureText('proc-basic/loadavg');
  const [l1, l5, l15, tasks, last] = text.trim().split(' ');
  const [running, total] = tasks.split('/').map(Number);
  assert.deepEqual(parseLoadavg(text), {
    load1: Number(l1), load5: Number(l5), load15: Number(l15), runningTasks: running, totalTasks: total, lastPid: Number(last),
  });
  assert.ok(running >= 1 && running <= total);
});

test('a busy machine', () => {
  assert.deepEqual(parseLoadavg('12.52 8.58 4.09 17/2101 4194303\n'), {
    load1: 12.52, load5: 8.58, load15: 4.09, runningTasks: 17, totalTasks: 2101, lastPid: 4194303,
  });
});

test('empty, truncated and junk give null', () => {
  for (const text of ['', '0.06 0.04 0.00', '0.06 0.04 0.00 1/94', '0.06 0.04 0.00 1 3869', '0.06 0.04 x 1/94 3869', '0.06 0.04 0.00 1/ 3869']) {
    assert.equal(parseLoadavg(text), null, JSON.stringify(text));
  }
});

test('found by fast-check: forms the kernel never prints are unknown (negative, hex, exponent)', () => {
  for (const text of ['-1.06 0.04 0.00 1/94 3869\n', '0.06 0.04 0.00 0x1/94 3869\n', '1e2 0.04 0.00 1/94 3869\n', '0.06 0.04 0.00 1/94 -1\n']) {
    assert.equal(parseLoadavg(text), null, text);
  }
});
