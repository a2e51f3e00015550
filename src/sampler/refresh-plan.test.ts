import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickRefreshes } from './refresh-plan.js';

const policy = { nowMs: 100_000, intervalMs: 1000, maxStalenessMs: 10_000 };

test('takes the oldest share of the population each tick', () => {
  const candidates = Array.from({ length: 100 }, (_, i) => ({ pid: i + 1, readAtMs: 99_000 - i * 10 }));
  const picked = pickRefreshes(candidates, policy);
  assert.equal(picked.length, 10);
  assert.deepEqual(picked, [100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
});

test('takes every candidate that would be too old by the next tick, beyond the share', () => {
  const candidates = [
    { pid: 1, readAtMs: 90_500 }, // 9.5 s old: 10.5 s at the next tick
    { pid: 2, readAtMs: 91_000 }, // 9 s: exactly 10 s at the next tick, still allowed
    { pid: 3, readAtMs: 90_000 },
    ...Array.from({ length: 7 }, (_, i) => ({ pid: 10 + i, readAtMs: 99_999 })),
  ];
  assert.deepEqual(pickRefreshes(candidates, policy), [3, 1]);
});

test('nothing to refresh in an empty population', () => {
  assert.deepEqual(pickRefreshes([], policy), []);
});

test('read times shared by many (those of past ticks): oldest group first, each in the given order', () => {
  const candidates = Array.from({ length: 100 }, (_, i) => ({ pid: i + 1, readAtMs: 99_000 - (i % 4) * 1000 }));
  // pids 4, 8, 12, ... were read 3 s ago, the oldest; the share is 10.
  assert.deepEqual(pickRefreshes(candidates, policy), [4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
  const due = candidates.map((c) => (c.pid <= 30 ? { ...c, readAtMs: 90_000 } : c));
  assert.deepEqual(pickRefreshes(due, policy), Array.from({ length: 30 }, (_, i) => i + 1), 'all that fall due, beyond the share');
});
