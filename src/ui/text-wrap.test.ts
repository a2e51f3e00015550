import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapAtSpaces } from './text-wrap.js';

test('wraps at the last space that fits, cuts a word longer than the width', () => {
  assert.deepEqual(wrapAtSpaces('growth over the window, fit good', 12), ['growth over', 'the window,', 'fit good']);
  assert.deepEqual(wrapAtSpaces('abcdefghij k', 4), ['abcd', 'efgh', 'ij k']);
  assert.deepEqual(wrapAtSpaces('short', 40), ['short']);
  assert.deepEqual(wrapAtSpaces('', 10), ['']);
});
