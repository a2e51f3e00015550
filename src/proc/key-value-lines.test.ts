import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachKeyLineAt, kbAt, sizeAt, KIB } from './key-value-lines.js';

function collect(text: string): [string, string, string][] {
  const seen: [string, string, string][] = [];
  forEachKeyLineAt(text, (key, from, to) => {
    const raw = text.slice(from, to);
    seen.push([key, raw.trim(), raw]);
  });
  return seen;
}

test('forEachKeyLineAt gives each key, its trimmed value and the raw text after the colon', () => {
  assert.deepEqual(collect('MemTotal:       24683656 kB\nName:\t a b \n'), [
    ['MemTotal', '24683656 kB', '       24683656 kB'],
    ['Name', 'a b', '\t a b '],
  ]);
});

test('forEachKeyLineAt skips smaps headers, lines without a colon and empty lines', () => {
  const text = [
    '7f98920c5000-7f98920eb000 r--p 00000000 fe:00 339380     /usr/lib/x86_64-linux-gnu/libc.so.6',
    'no colon here',
    '',
    'Rss:                 152 kB',
    ':leading colon',
  ].join('\n');
  assert.deepEqual(collect(text).map(([key]) => key), ['Rss']);
});

test('forEachKeyLineAt reads a last line without a newline, and a value holding colons', () => {
  assert.deepEqual(collect('A: 1\nCpus: 0:1:2'), [['A', '1', ' 1'], ['Cpus', '0:1:2', ' 0:1:2']]);
});

test('forEachKeyLineAt does not take a colon from the next line', () => {
  assert.deepEqual(collect('no colon\nKey: v').map(([key]) => key), ['Key']);
});

const parseSize = (text: string) => sizeAt(text, 0, text.length);

test('sizeAt multiplies kB by 1024 and keeps bare counts', () => {
  assert.equal(parseSize('24683656 kB'), 24683656 * KIB);
  assert.equal(parseSize('0 kB'), 0);
  assert.equal(parseSize('17'), 17);
});

test('sizeAt refuses junk, signs, other units and empty text', () => {
  for (const junk of ['', 'kB', '-4 kB', '12 MB', '1.5 kB', '0x10', '12kB', 'ffff']) {
    assert.equal(parseSize(junk), null, junk);
  }
});

test('kbAt takes only sizes with their kB, within the span given', () => {
  const line = 'VmRSS:\t   11776 kB';
  assert.equal(kbAt(line, 6, line.length), 11776 * KIB);
  assert.equal(kbAt(line, 6, line.length - 3), null, 'a line cut before its unit is not a byte count');
  assert.equal(kbAt('17', 0, 2), null);
});

test('found by fast-check: kB values whose bytes are beyond 2^53 − 1 are unknown', () => {
  const line = 'Key:   8796093022208 kB';
  assert.equal(kbAt(line, 4, line.length), null);
  const under = 'Key:   8796093022207 kB';
  assert.equal(kbAt(under, 4, under.length), 8796093022207 * KIB);
  assert.equal(sizeAt('Key: 9007199254740992', 4, 21), null);
});
