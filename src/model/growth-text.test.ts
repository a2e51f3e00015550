import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthText } from './growth-text.js';

test('growth rates read as signed binary units per minute', () => {
  const M = 1024 * 1024;
  assert.equal(growthText(3.1 * M), '+3.1M/m');
  assert.equal(growthText(60 * M), '+60M/m');
  assert.equal(growthText(-512 * 1024), '-512K/m');
  assert.equal(growthText(0.2), '0/m');
  assert.equal(growthText(300), '+300B/m');
  assert.equal(growthText(2000 * M), '+2.0G/m');
  assert.equal(growthText(null), '-');
});
