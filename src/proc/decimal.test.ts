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

test('found by fast-check: a magnitude beyond 2^53 − 1 is NaN, never a rounded number', () => {
  assert.ok(Number.isNaN(decimalAt('9007199254740992', 0, 16)));
  assert.ok(Number.isNaN(decimalAt('-18446744073709551615', 0, 21)));
  assert.equal(decimalAt('9007199254740991', 0, 16), Number.MAX_SAFE_INTEGER);
});
