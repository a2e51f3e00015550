import { test } from 'node:test';
import assert from 'node:assert/strict';
import blessed from 'blessed';
import { cellWidth, clip, fit, screenText } from './text-cell.js';

const unicode = (blessed as unknown as { unicode: { strWidth(text: string): number } }).unicode;

test('cells as terminals draw them: CJK two, combining marks none, an ideograph beyond the BMP two', () => {
  assert.equal(cellWidth('sleep'), 5);
  assert.equal(cellWidth('数据库服务'), 10);
  assert.equal(cellWidth('ｆｕｌｌ'), 8, 'fullwidth forms');
  assert.equal(cellWidth('한국어'), 6);
  assert.equal(cellWidth('e\u0301'), 1, 'e + a combining acute');
  assert.equal(cellWidth('𠀋'), 2);
});

test('screenText escapes what blessed would lay out otherwise than the terminal: emoji, marks on wide characters, invisible characters', () => {
  assert.equal(screenText('中文😀😀 x'), '中文\\u{1f600}\\u{1f600} x', 'blessed counts an emoji as one cell, terminals two');
  assert.equal(screenText('中\u0301'), '中\\u0301', 'blessed would put the mark in the filler cell of the ideograph');
  assert.equal(screenText('a\u3164b\u00adc'), 'a\\u3164b\\xadc');
  assert.equal(screenText('café e\u0301 数据库 ｆｕｌｌ 한국어 𠀋'), 'café e\u0301 数据库 ｆｕｌｌ 한국어 𠀋', 'what blessed and terminals agree on stays');
});

test('after screenText, blessed counts the same cells as memtop for any text', () => {
  const texts = ['数据库服务 --port', 'naïve café', 'ｆｕｌｌ', 'a\u0483b\u05b0c', '🚀⭐✅', '𠀋𠀌x', '中文😀😀 x', 'x\u0301\u0301\u0301\u0301',
    '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u0e01\u0e34\u0e4a', 'ᄀ각\u1161', '\u{1b000}\u{1f200}\u{1f250}'];
  for (const text of texts) {
    const shown = screenText(text);
    assert.equal(cellWidth(shown), unicode.strWidth(shown), JSON.stringify([text, shown]));
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
  assert.equal(fit('a\x1bb', 6), 'a\\x1bb', 'fitted text is shown text');
});

test('clip cuts by cells, without an ellipsis', () => {
  assert.equal(clip('数据库服务', 5), '数据');
  assert.equal(clip('plain', 9), 'plain');
  assert.equal(clip('plain', 3), 'pla');
});
