import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationText, humanBytes, magnitudeOf, percentText, signedBytes } from './human-units.js';

test('sizes in binary units, three significant digits (as htop), at most four characters and the unit', () => {
  const cases: [number, string][] = [
    [0, '0B'], [512, '512B'], [1023, '1023B'], [1024, '1.00K'], [8 * 1024, '8.00K'], [10 * 1024, '10.0K'],
    [123 * 1024, '123K'], [999 * 1024, '999K'], [1023 * 1024, '1.00M'], [1.5 * 1024 ** 2, '1.50M'], [1.234 * 1024 ** 2, '1.23M'],
    [9.996 * 1024 ** 2, '10.0M'], [99.96 * 1024 ** 2, '100M'],
    [45.6 * 1024 ** 2, '45.6M'], [789 * 1024 ** 2, '789M'], [1.5 * 1024 ** 3, '1.50G'], [23.5 * 1024 ** 3, '23.5G'], [12 * 1024 ** 4, '12.0T'],
  ];
  for (const [bytes, text] of cases) assert.equal(humanBytes(bytes), text, `${bytes}`);
});

test('unknown sizes show as a dash, never as 0', () => {
  assert.equal(humanBytes(null), '-');
  assert.equal(humanBytes(Number.NaN), '-');
  assert.equal(percentText(null), '-');
  assert.equal(durationText(null), '-');
});

test('the magnitude follows the unit humanBytes picks', () => {
  for (const bytes of [0, 1000, 1024, 999 * 1024, 1023 * 1024, 5 * 1024 ** 2, 3 * 1024 ** 3, 2 * 1024 ** 4]) {
    const unit = humanBytes(bytes).slice(-1);
    assert.equal(magnitudeOf(bytes), 'BKMGT'.indexOf(unit), `${bytes} → ${humanBytes(bytes)}`);
  }
});

test('percentages and durations', () => {
  assert.equal(percentText(12.345), '12.3');
  assert.equal(durationText(5_400), '5s');
  assert.equal(durationText(192_000), '3m12s');
  assert.equal(durationText(2 * 3600_000 + 5 * 60_000), '2h05m');
  assert.equal(durationText(3 * 86400_000 + 4 * 3600_000), '3d04h');
});

test('changes in bytes carry their sign; no change is 0, unknown a dash', () => {
  assert.equal(signedBytes(8 * 1024 * 1024), '+8.00M');
  assert.equal(signedBytes(-4096), '-4.00K');
  assert.equal(signedBytes(0), '0');
  assert.equal(signedBytes(null), '-');
});
