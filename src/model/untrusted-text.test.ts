import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleText } from './untrusted-text.js';

test('terminal controls become visible, inert text', () => {
  assert.equal(visibleText('evil\x1b[2J\x07name'), 'evil\\x1b[2J\\x07name');
  assert.equal(visibleText('\x1b]0;pwned\x07'), '\\x1b]0;pwned\\x07'); // OSC: set the window title
  assert.equal(visibleText('a\nb\tc\rd'), 'a\\x0ab\\x09c\\x0dd');
  assert.equal(visibleText('\u009b31m'), '\\x9b31m'); // the 8-bit CSI
  assert.equal(visibleText('del\x7f'), 'del\\x7f');
});

test('invisible reordering marks are shown (Trojan Source)', () => {
  assert.equal(visibleText('abc\u202edcba'), 'abc\\u202edcba');
  assert.equal(visibleText('x\u200by'), 'x\\u200by');
});

test('ordinary text, blessed tag braces and non-ASCII letters are left alone', () => {
  for (const text of ['/usr/lib/firefox/firefox -contentproc', '{red-fg}name{/red-fg}', 'café — 日本語']) {
    assert.equal(visibleText(text), text);
  }
  assert.equal(visibleText('a\x1bb'), 'a\\x1bb');
  assert.equal(visibleText('a\x1bb'), 'a\\x1bb', 'no regex state carried between calls');
});
