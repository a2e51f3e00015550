import { test } from 'node:test';
import assert from 'node:assert/strict';
import blessed from 'blessed';
import { cellWidth, clip, fit, screenText, useCellWidth, withFillers } from './text-cell.js';

interface BlessedUnicode {
  charWidth(text: string, index?: number): number;
  combining: Record<number, boolean | undefined>;
  chars: { all: RegExp };
}
const unicode = (blessed as unknown as { unicode: BlessedUnicode }).unicode;

/** The cells of blessed's grid a box's text takes: its parseContent's fillers, then a cell per code point but marks. */
function blessedGridCells(content: string): number {
  let cells = 0;
  for (const char of content.replace(unicode.chars.all, '$1\x03')) cells += unicode.combining[char.codePointAt(0)!] ? 0 : 1;
  return cells;
}

test('cells as terminals draw them: CJK two, combining marks none, an ideograph beyond the BMP two', () => {
  assert.equal(cellWidth('sleep'), 5);
  assert.equal(cellWidth('数据库服务'), 10);
  assert.equal(cellWidth('ｆｕｌｌ'), 8, 'fullwidth forms');
  assert.equal(cellWidth('한국어'), 6);
  assert.equal(cellWidth('e\u0301'), 1, 'e + a combining acute');
  assert.equal(cellWidth('𠀋'), 2);
});

test('screenText escapes what blessed would lay out otherwise than the terminal: marks on wide characters, invisible characters', () => {
  assert.equal(screenText('中文😀😀 x'), '中文😀😀 x', 'emoji stay: blessed is given a filler cell after each (withFillers)');
  assert.equal(screenText('中\u0301'), '中\\u0301', 'blessed would put the mark in the filler cell of the ideograph');
  assert.equal(screenText('a\u3164b\u00adc'), 'a\\u3164b\\xadc');
  assert.equal(screenText('café e\u0301 数据库 ｆｕｌｌ 한국어 𠀋'), 'café e\u0301 数据库 ｆｕｌｌ 한국어 𠀋', 'what blessed and terminals agree on stays');
});

test('after screenText and withFillers, the grid of blessed has the cells memtop counts, and its charWidth says which are wide', () => {
  useCellWidth();
  const texts = ['数据库服务 --port', 'naïve café', 'ｆｕｌｌ', 'a\u0483b\u05b0c', '🚀⭐✅', '𠀋𠀌x', '中文😀😀 x', 'x\u0301\u0301\u0301\u0301',
    '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u0e01\u0e34\u0e4a', 'ᄀ각\u1161', '\u{1b000}\u{1f200}\u{1f250}', '⌚☔⚡'];
  for (const text of texts) {
    const shown = screenText(text);
    assert.equal(blessedGridCells(withFillers(shown)), cellWidth(shown), JSON.stringify([text, shown]));
    for (const char of shown) assert.equal(unicode.charWidth(char) === 2, cellWidth(char) === 2, JSON.stringify(char));
  }
  assert.equal(withFillers('a😀b中'), 'a😀 b中', 'a filler after the emoji; blessed adds its own after the ideograph');
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
