import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unionNeeds } from './read-needs.js';

test('unionNeeds ORs every list into one set, each need once', () => {
  const all = unionNeeds([['stat', 'status'], ['rollup', 'stat'], []]);
  assert.deepEqual([...all].sort(), ['rollup', 'stat', 'status']);
});

test('unionNeeds of nothing is empty: no per-process file beyond the listing', () => {
  assert.equal(unionNeeds([]).size, 0);
});
