import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteAxis } from './byte-axis.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

test('picks the largest unit that keeps every label a whole number, and a round step', () => {
  assert.deepEqual(byteAxis(879 * MiB), { unit: 'MiB', bytesPerUnit: MiB, step: 300, max: 1200, steps: 4 });
  assert.deepEqual(byteAxis(22 * GiB), { unit: 'GiB', bytesPerUnit: GiB, step: 6, max: 24, steps: 4 });
  assert.deepEqual(byteAxis(2.5 * GiB), { unit: 'MiB', bytesPerUnit: MiB, step: 800, max: 3200, steps: 4 });
  assert.deepEqual(byteAxis(5 * GiB), { unit: 'GiB', bytesPerUnit: GiB, step: 2, max: 8, steps: 4 });
});

test('the top stays above the largest figure, with room for the line', () => {
  for (const bytes of [1, 1000, 4096, 10 * MiB, 123_456_789, 7.9 * GiB, 8 * GiB, 1.5 * 1024 ** 4]) {
    const axis = byteAxis(bytes);
    assert.ok(axis.max * axis.bytesPerUnit >= bytes * 1.05, `${bytes}: ${JSON.stringify(axis)}`);
    assert.ok(Number.isInteger(axis.step) && axis.step >= 1, `${bytes}: whole steps`);
    assert.ok(axis.max <= 2.5 * Math.max(bytes * 1.05 / axis.bytesPerUnit, axis.steps), `${bytes}: not much more than needed`);
  }
});

test('nothing to show (zero, not a number) still gives a usable axis', () => {
  assert.deepEqual(byteAxis(0), { unit: 'KiB', bytesPerUnit: 1024, step: 1, max: 4, steps: 4 });
  assert.deepEqual(byteAxis(Number.NaN), byteAxis(0));
});
