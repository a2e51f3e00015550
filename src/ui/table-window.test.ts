import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveSelection, scrollTop } from './table-window.js';

test('the window scrolls only as far as needed to show the selection', () => {
  assert.equal(scrollTop(0, 5, 10, 100), 0);
  assert.equal(scrollTop(0, 10, 10, 100), 1);
  assert.equal(scrollTop(20, 15, 10, 100), 15);
  assert.equal(scrollTop(0, 99, 10, 100), 90);
});

test('the window never runs past the end, even after rows vanish', () => {
  assert.equal(scrollTop(90, 40, 10, 50), 40);
  assert.equal(scrollTop(45, 49, 10, 50), 40);
  assert.equal(scrollTop(5, 3, 10, 4), 0);
  assert.equal(scrollTop(3, 0, 0, 10), 0);
});

test('moving the selection stays within the rows', () => {
  assert.equal(moveSelection(0, -1, 10), 0);
  assert.equal(moveSelection(5, 20, 10), 9);
  assert.equal(moveSelection(3, 1, 0), 0);
});
