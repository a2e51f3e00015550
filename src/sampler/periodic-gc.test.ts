import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { periodicFullGc } from './periodic-gc.js';

test('collects at most once per interval, and really collects', () => {
  let now = 0;
  const collect = periodicFullGc(1000, () => now);
  assert.equal(collect(), false, 'not before the interval');
  let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `garbage ${i}` }));
  const before = getHeapStatistics().used_heap_size;
  garbage = null;
  now = 1000;
  assert.equal(collect(), true);
  assert.ok(getHeapStatistics().used_heap_size < before - 5 * 1024 * 1024, 'the dropped objects were freed');
  assert.equal(collect(), false, 'not twice in the same interval');
  assert.equal(garbage, null);
});
