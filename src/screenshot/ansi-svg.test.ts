import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySgr, captureToSvg, parseCapture } from './ansi-svg.js';

test('SGR: colours, 256-colour and RGB forms, bold, inverse and their resets', () => {
  const plain = { fg: null, bg: null, bold: false, inverse: false, underline: false };
  assert.deepEqual(applySgr(plain, [1, 36, 44]), { ...plain, bold: true, fg: '#11a8cd', bg: '#2472c8' });
  assert.equal(applySgr(plain, [38, 5, 196]).fg, '#ff0000');
  assert.equal(applySgr(plain, [48, 5, 244]).bg, '#808080');
  assert.equal(applySgr(plain, [38, 2, 1, 2, 3]).fg, '#010203');
  assert.deepEqual(applySgr(applySgr(plain, [1, 7, 31]), [22, 27, 39]), plain);
  assert.deepEqual(applySgr(applySgr(plain, [1, 31]), [0]), plain);
});

test('cells: a wide character takes two, a combining mark joins its base, other escapes are dropped', () => {
  const [row] = parseCapture('a\x1b[31m界\x1b[0me\u0301\x1b(Bz\n');
  assert.deepEqual(row.map((c) => [c.char, c.cells]), [['a', 1], ['界', 2], ['e\u0301', 1], ['z', 1]]);
  assert.equal(row[1].style.fg, '#cd3131');
  assert.equal(row[2].style.fg, null);
});

test('the SVG: backgrounds as rectangles, text escaped, runs at their cell', () => {
  const svg = captureToSvg('\x1b[30;46m PID \x1b[0m <x&y>\n', { columns: 20, title: 'memtop' });
  assert.match(svg, /<rect x="0\.0" y="0" width="8\.9" height="17" fill="#11a8cd"\/>/);
  // Each word at its cell: " PID " starts a cell in, "<x&y>" at cell 6 after the blank at 5.
  assert.match(svg, /<text x="8\.4" fill="#1e1e1e" textLength="25\.2" lengthAdjust="spacingAndGlyphs" y="13\.3">PID<\/text>/);
  assert.match(svg, /<text x="50\.4" fill="#d4d4d4" textLength="42\.0" lengthAdjust="spacingAndGlyphs" y="13\.3">&lt;x&amp;y&gt;<\/text>/);
  const wide = captureToSvg('界 a\n', { columns: 4, title: 't' });
  assert.match(wide, /textLength="16\.8"[^>]*>界<\/text>/);
  assert.match(wide, /<text x="25\.2"[^>]*>a<\/text>/);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="184"/);
});
