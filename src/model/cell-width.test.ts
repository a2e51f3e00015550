import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eastAsianWidth } from 'get-east-asian-width';
import { codePointCells, cutToCells, textCells } from './cell-width.js';

test('cells as terminals draw them: ASCII and Latin 1 one, CJK, Hangul and emoji two, combining marks none', () => {
  assert.equal(textCells('/usr/bin/bash -l'), 16);
  assert.equal(textCells('café'), 4);
  assert.equal(textCells('cafe\u0301'), 4, 'a combining acute accent takes no cell');
  assert.equal(textCells('日本語'), 6);
  assert.equal(textCells('한국어'), 6);
  assert.equal(textCells('ｆｕｌｌ'), 8, 'fullwidth forms');
  assert.equal(textCells('a😀b'), 4);
  assert.equal(textCells('中文😀😀 x'), 10);
  assert.equal(codePointCells('Ω'), 1);
  assert.equal(codePointCells('…'), 1, 'East Asian Ambiguous: one cell, as outside CJK locales');
  assert.equal(codePointCells('\u3164'), 0, 'the Hangul filler is default-ignorable (visibleText escapes it)');
});

test('the width follows the Unicode table, code point by code point (no hand-picked ranges)', () => {
  let checked = 0;
  for (let code = 0x300; code < 0x30000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (/[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cn}]/u.test(char) || (code >= 0x1160 && code <= 0x11ff) || (code >= 0xd7b0 && code <= 0xd7ff)) continue;
    assert.equal(codePointCells(char), eastAsianWidth(code), `U+${code.toString(16)}`);
    checked++;
  }
  assert.ok(checked > 100_000);
});

test('cutToCells: the longest start that fits, never half a character nor half a grapheme', () => {
  assert.equal(cutToCells('abcdef', 3), 'abc');
  assert.equal(cutToCells('日本語', 5), '日本', 'the third would straddle the edge');
  assert.equal(cutToCells('a😀😀', 4), 'a😀');
  assert.equal(cutToCells('abc', 10), 'abc');
  assert.equal(cutToCells('abe\u0301\u0302f', 3), 'abe\u0301\u0302', 'the marks stay with their character');
  assert.equal(cutToCells('ab\u0915\u093fx', 3), 'ab', 'क ि is one grapheme of two cells: not split');
});
