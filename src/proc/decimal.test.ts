import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalAt } from './decimal.js';

test('whole decimal integers within a span, negative ones included', () => {
  assert.equal(decimalAt('x 12345 y', 2, 7), 12345);
  assert.equal(decimalAt('-20', 0, 3), -20);
  assert.equal(decimalAt('0', 0, 1), 0);
  assert.equal(decimalAt('18446744073', 0, 11), 18446744073);
});

test('empty, signs alone and other characters are NaN, never 0', () => {
  for (const [text, from, to] of [['', 0, 0], ['-', 0, 1], ['12a', 0, 3], [' 1', 0, 2], ['1.5', 0, 3]] as const) {
    assert.ok(Number.isNaN(decimalAt(text, from, to)), JSON.stringify(text));
  }
});
