import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowList, RowPool } from './row-pool.js';

function rows(list: RowList): number[][] {
  return Array.from({ length: list.length }, (_, i) => [list.key(i), list.value(i, 0), list.value(i, 1)]);
}

test('a list keeps its rows in order across blocks, and drops the oldest at its maximum', () => {
  const pool = new RowPool(3);
  const list = new RowList(pool, 20);
  for (let k = 0; k < 25; k++) list.push(k, [k * 10, k === 3 ? NaN : -k, 0]);
  assert.equal(list.length, 20);
  assert.deepEqual(rows(list), Array.from({ length: 20 }, (_, i) => [i + 5, (i + 5) * 10, -(i + 5)]));
  assert.equal(pool.blocksInUse, 4, 'rows 5 to 24: the first block still holds 5 to 7');
  const other = new RowList(pool, 4);
  other.push(7, [NaN, 1, 0]);
  assert.ok(Number.isNaN(other.value(0, 0)));
  assert.equal(other.value(0, 1), 1);
});

test('blocks of 2 rows: a list of 5 rows takes 3 blocks', () => {
  const pool = new RowPool(1, 2);
  const list = new RowList(pool, 100);
  for (let k = 0; k < 5; k++) list.push(k, [k / 2]);
  assert.equal(pool.blocksInUse, 3);
  list.dropFirst();
  list.dropFirst();
  assert.equal(pool.blocksInUse, 2);
  assert.deepEqual(rows(list).map((r) => r.slice(0, 2)), [[2, 1], [3, 1.5], [4, 2]]);
});

test('blocks given back are reused: lists that come and go do not grow the pool', () => {
  const pool = new RowPool(1);
  for (let round = 0; round < 50; round++) {
    const lists = Array.from({ length: 10 }, () => new RowList(pool, 100));
    for (const list of lists) for (let k = 0; k < 30; k++) list.push(k, [k]);
    for (const list of lists) {
      while (list.length > 3) list.dropFirst();
      assert.deepEqual(rows(list).map((r) => r[0]), [27, 28, 29]);
      list.clear();
    }
    assert.equal(pool.blocksInUse, 0);
  }
  // 10 lists of 30 rows need 10 × 4 blocks at most: one chunk.
  assert.equal(pool.byteSize, 256 * 1024);
});

test('a 32-bit key keeps its top bit; Float32 values are exact for sizes in whole KiB to 16 GiB', () => {
  const pool = new RowPool(1);
  const list = new RowList(pool, 4);
  list.push(0x8000_0005, [16 * 1024 ** 3 - 1024]);
  list.push(5, [16 * 1024 ** 3 + 1024]);
  assert.equal(list.key(0), 0x8000_0005);
  assert.equal(list.value(0, 0), 16 * 1024 ** 3 - 1024);
  assert.notEqual(list.value(1, 0), 16 * 1024 ** 3 + 1024, 'above 16 GiB a KiB is below Float32 precision');
});

test('a pool fills chunk after chunk without moving rows', () => {
  const pool = new RowPool(3);
  const list = new RowList(pool, 40_000);
  for (let k = 0; k < 40_000; k++) list.push(k, [k, k + 0.5, -k]);
  assert.equal(pool.byteSize, 3 * 256 * 1024, '40,000 rows of 16 B in 256 KiB chunks');
  for (let k = 0; k < 40_000; k += 997) assert.deepEqual([list.key(k), list.value(k, 0), list.value(k, 1), list.value(k, 2)], [k, k, k + 0.5, -k]);
});

test('a capacity that is not a whole number above 0, or a row width that does not tile, is refused', () => {
  assert.throws(() => new RowList(new RowPool(1), 0), RangeError);
  assert.throws(() => new RowPool(2), RangeError);
  assert.throws(() => new RowPool(3, 3), RangeError);
});
