import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvLine } from './csv.js';

test('plain fields are written as they are; unknown values are empty', () => {
  assert.equal(csvLine(['bash', 1234, null, undefined, 0]), 'bash,1234,,,0\n');
});

test('commas, quotes and line breaks are quoted, quotes doubled (RFC 4180)', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(' padded'), '" padded"');
  assert.equal(csvLine(['python3 -c "print(1, 2)"', 5]), '"python3 -c ""print(1, 2)""",5\n');
});

test('fractions are cut to two decimals, whole numbers kept exact', () => {
  assert.equal(csvField(12.3456), '12.35');
  assert.equal(csvField(25276063744), '25276063744');
});

test('a text cell a spreadsheet would run as a formula starts with a quote; numbers stay numbers, negative ones too', () => {
  for (const text of ['=HYPERLINK("http://x","y")', '+cmd', '-bash', '@SUM(A1)', '\tx', '\rx']) {
    assert.ok(csvField(text).replace(/^"/, '').startsWith(`'${text[0]}`), text);
  }
  assert.equal(csvField('=1+2'), "'=1+2");
  assert.equal(csvField('=HYPERLINK("u","y")'), '"\'=HYPERLINK(""u"",""y"")"');
  assert.equal(csvField('a=b'), 'a=b', 'only a leading sign counts');
  assert.equal(csvField(-4096), '-4096');
  assert.equal(csvField(-1.5), '-1.5');
  assert.equal(csvLine(['-x', -2]), "'-x,-2\n");
});
