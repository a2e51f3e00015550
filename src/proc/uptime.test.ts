import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUptime } from './uptime.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

test('the captured /proc/uptime: idle is summed over CPUs, so it may exceed uptime', () => {
  const text = fixtureText('proc-basic/uptime');
  const [up, idle] = text.trim().split(' ').map(Number);
  const uptime = parseUptime(text);
  assert.deepEqual(uptime, { uptimeSeconds: up, idleSeconds: idle });
  assert.ok(uptime!.uptimeSeconds > 0);
});

test('empty, truncated and junk give null', () => {
  for (const text of ['', '\n', '350735.47', '350735.47 ', 'x 1.0', '1.0 y']) {
    assert.equal(parseUptime(text), null, JSON.stringify(text));
  }
  assert.deepEqual(parseUptime('350735.47 234388.90\n'), { uptimeSeconds: 350735.47, idleSeconds: 234388.9 });
});

test('found by fast-check: a negative, hex or exponent form is unknown', () => {
  for (const text of ['-1.44 579.32\n', '0x10 5.00\n', '1e3 5.00\n', 'Infinity 1.00\n']) assert.equal(parseUptime(text), null, text);
});
