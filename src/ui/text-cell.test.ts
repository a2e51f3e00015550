import { test } from 'node:test';
import assert from 'node:assert/strict';
import blessed from 'blessed';
import { cellWidth, clip, fit } from './text-cell.js';

test('cells as blessed lays them out: CJK two, combining and zero-width marks none, emoji one', () => {
  assert.equal(cellWidth('sleep'), 5);
  assert.equal(cellWidth('数据库服务'), 10);
  assert.equal(cellWidth('ｆｕｌｌ'), 8, 'fullwidth forms');
  assert.equal(cellWidth('한국어'), 6);
  assert.equal(cellWidth('e\u0301'), 1, 'e + a combining acute');
  assert.equal(cellWidth('a\u200bb'), 2, 'a zero-width space');
  assert.equal(cellWidth('🚀x'), 2, 'blessed draws emoji in one cell');
  assert.equal(cellWidth('𠀋'), 2, 'an ideograph outside the BMP: one code point, two cells');
});

test('the same widths as blessed for every character of a mixed name', () => {
  const unicode = (blessed as unknown as { unicode: { strWidth(text: string): number } }).unicode;
  for (const text of ['数据库服务 --port', 'naïve café', 'ｆｕｌｌ', 'a\u0483b\u05b0c', '🚀⭐✅', '𠀋𠀌x']) {
    assert.equal(cellWidth(text), unicode.strWidth(text), JSON.stringify(text));
  }
});

test('fit pads and cuts by cells; a wide character never straddles the edge', () => {
  assert.equal(fit('数据库', 8), '数据库  ');
  assert.equal(fit('数据库', 8, 'right'), '  数据库');
  assert.equal(cellWidth(fit('数据库服务', 6)), 6);
  assert.equal(fit('数据库服务', 6), '数据… ', 'two ideographs, the ellipsis, and the cell the third would straddle');
  assert.equal(fit('数据库服务', 7), '数据库…');
  assert.equal(fit('abc', 2), 'a…');
  assert.equal(fit('𠀋𠀋', 3), '𠀋…');
  assert.equal(fit('x', 0), '');
});

test('clip cuts by cells, without an ellipsis', () => {
  assert.equal(clip('数据库服务', 5), '数据');
  assert.equal(clip('plain', 9), 'plain');
  assert.equal(clip('plain', 3), 'pla');
});
