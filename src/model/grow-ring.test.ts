import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrowRing } from './grow-ring.js';

function rows(ring: GrowRing): number[][] {
  return Array.from({ length: ring.length }, (_, i) => [ring.time(i), ring.value(0, i)]);
}

test('a ring grows by doubling up to its maximum, then drops the oldest row', () => {
  const ring = new GrowRing(1, 5, 2);
  for (let t = 1; t <= 4; t++) ring.push(t, [t * 10]);
  assert.equal(ring.capacity, 4);
  assert.deepEqual(rows(ring), [[1, 10], [2, 20], [3, 30], [4, 40]]);
  ring.push(5, [50]);
  ring.push(6, [60]);
  assert.equal(ring.capacity, 5);
  assert.deepEqual(rows(ring), [[2, 20], [3, 30], [4, 40], [5, 50], [6, 60]]);
});

test('dropBefore removes rows older than a time; NaN stays NaN', () => {
  const ring = new GrowRing(2, 10);
  ring.push(100, [1, NaN]);
  ring.push(200, [2, 5]);
  ring.push(300, [3, 6]);
  ring.dropBefore(200);
  assert.equal(ring.length, 2);
  assert.equal(ring.time(0), 200);
  ring.dropBefore(1000);
  assert.equal(ring.length, 0);
  ring.push(400, [4, NaN]);
  assert.ok(Number.isNaN(ring.value(1, 0)));
});

test('a capacity that is not a whole number above 0 is refused', () => {
  assert.throws(() => new GrowRing(1, 0), RangeError);
});
