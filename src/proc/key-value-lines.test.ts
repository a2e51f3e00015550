import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachKeyLine, parseSizeValue, KIB } from './key-value-lines.js';

function collect(text: string): [string, string, string][] {
  const seen: [string, string, string][] = [];
  forEachKeyLine(text, (key, rest, raw) => seen.push([key, rest, raw]));
  return seen;
}

test('forEachKeyLine gives each key, its trimmed value and the raw text after the colon', () => {
  assert.deepEqual(collect('MemTotal:       24683656 kB\nName:\t a b \n'), [
    ['MemTotal', '24683656 kB', '       24683656 kB'],
    ['Name', 'a b', '\t a b '],
  ]);
});

test('forEachKeyLine skips smaps headers, lines without a colon and empty lines', () => {
  const text = [
    '7f98920c5000-7f98920eb000 r--p 00000000 fe:00 339380     /usr/lib/x86_64-linux-gnu/libc.so.6',
    'no colon here',
    '',
    'Rss:                 152 kB',
    ':leading colon',
  ].join('\n');
  assert.deepEqual(collect(text).map(([key]) => key), ['Rss']);
});

test('forEachKeyLine reads a last line without a newline, and a value holding colons', () => {
  assert.deepEqual(collect('A: 1\nCpus: 0:1:2'), [['A', '1', ' 1'], ['Cpus', '0:1:2', ' 0:1:2']]);
});

test('forEachKeyLine does not take a colon from the next line', () => {
  assert.deepEqual(collect('no colon\nKey: v').map(([key]) => key), ['Key']);
});

test('parseSizeValue multiplies kB by 1024 and keeps bare counts', () => {
  assert.equal(parseSizeValue('24683656 kB'), 24683656 * KIB);
  assert.equal(parseSizeValue('0 kB'), 0);
  assert.equal(parseSizeValue('17'), 17);
});

test('parseSizeValue refuses junk, signs, other units and empty text', () => {
  for (const junk of ['', 'kB', '-4 kB', '12 MB', '1.5 kB', '0x10', '12kB', 'ffff']) {
    assert.equal(parseSizeValue(junk), null, junk);
  }
});
