import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointCells, cutToCells, textCells } from './cell-width.js';

test('cells as wcwidth counts them: ASCII and Latin 1, CJK and Hangul 2, combining marks 0, emoji 2', () => {
  assert.equal(textCells('/usr/bin/bash -l'), 16);
  assert.equal(textCells('café'), 4);
  assert.equal(textCells('cafe\u0301'), 4, 'a combining acute accent takes no cell');
  assert.equal(textCells('日本語'), 6);
  assert.equal(textCells('한국어'), 6);
  assert.equal(textCells('ｆｕｌｌ'), 8, 'fullwidth forms');
  assert.equal(textCells('a😀b'), 4);
  assert.equal(codePointCells('Ω'), 1);
});

test('cutToCells: the longest start that fits, never half a character', () => {
  assert.equal(cutToCells('abcdef', 3), 'abc');
  assert.equal(cutToCells('日本語', 5), '日本', 'the third would straddle the edge');
  assert.equal(cutToCells('a😀😀', 4), 'a😀');
  assert.equal(cutToCells('abc', 10), 'abc');
});
