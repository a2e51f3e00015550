import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { kbAt, sizeAt, forEachKeyLineAt, KIB } from './key-value-lines.js';

const sample = fixtureText('proc-basic/meminfo');

test('kbAt and sizeAt on any line: null or an exact, non-negative number of bytes', () => {
  fc.assert(fc.property(anyText(sample), (text) => {
    forEachKeyLineAt(text, (_key, from, to) => {
      const kb = kbAt(text, from, to);
      if (kb !== null) assert.equal(kb % KIB, 0);
      assertFigures([kb, sizeAt(text, from, to)]);
    });
  }), { numRuns: RUNS });
});

test('a "Key: N kB" line reads back as N × 1024 bytes, or unknown when that is beyond 2^53 − 1', () => {
  fc.assert(fc.property(u64, fc.constantFrom(' ', '\t', '        '), (kb, blank) => {
    const text = `Key:${blank}${kb} kB`;
    const bytes = kb * 1024n;
    assert.equal(kbAt(text, 4, text.length), exactOrNull(bytes), text);
    assert.equal(sizeAt(`Key:${blank}${kb}`, 4, 4 + blank.length + String(kb).length), exactOrNull(kb));
  }), { numRuns: RUNS });
});
