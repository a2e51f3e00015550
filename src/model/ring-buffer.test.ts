import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RingBuffer } from './ring-buffer.js';

test('keeps the newest items up to its capacity, oldest first', () => {
  const ring = new RingBuffer<number>(3);
  assert.deepEqual(ring.toArray(), []);
  assert.equal(ring.last(), undefined);
  for (const n of [1, 2, 3, 4, 5]) ring.push(n);
  assert.equal(ring.length, 3);
  assert.deepEqual(ring.toArray(), [3, 4, 5]);
  assert.equal(ring.at(0), 3);
  assert.equal(ring.at(-1), 5);
  assert.equal(ring.last(), 5);
  assert.equal(ring.at(3), undefined);
});

test('clear empties it and a capacity below 1 is refused', () => {
  const ring = new RingBuffer<string>(2);
  ring.push('a');
  ring.clear();
  assert.equal(ring.length, 0);
  ring.push('b');
  assert.deepEqual(ring.toArray(), ['b']);
  assert.throws(() => new RingBuffer(0), RangeError);
});
