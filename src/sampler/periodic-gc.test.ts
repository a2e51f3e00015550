import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { periodicFullGc } from './periodic-gc.js';

// First in the file: a young generation grown by an earlier test would not shrink.
test('the young generation does not grow under steady allocation', () => {
  periodicFullGc();
  const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
  // Ticks' worth of records, each kept for the next few (as samples are): V8's default doubles
  // the young generation under this to 16 MiB a semi-space (32 MiB of new space on Node 20, 22
  // and 24); kept at its first size it stays at a few MiB (2 alone, up to ~5 on Node 24 under load).
  const kept: object[][] = [[], [], []];
  for (let round = 0; round < 200; round++) {
    kept[round % 3] = Array.from({ length: 5000 }, (_, i) => ({ pid: i, comm: `proc ${i}`, rssBytes: i * 4096, round }));
  }
  assert.equal(kept[0].length, 5000);
  assert.ok(newSpace() <= 8 * 1024 * 1024, `new space ${newSpace()} B`);
});

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
