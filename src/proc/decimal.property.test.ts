import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { decimalAt, exactCount } from './decimal.js';

test('decimalAt on any text: NaN or an exact integer, never a rounded one', () => {
  fc.assert(fc.property(anyText('-123', '18446744073709551615'), fc.nat(), fc.nat(), (text, a, b) => {
    const from = Math.min(a, b) % (text.length + 1);
    const to = Math.max(a, b) % (text.length + 1);
    const value = decimalAt(text, from, Math.max(from, to));
    if (!Number.isNaN(value)) assertFigures(value, new Set(['$']));
  }), { numRuns: RUNS });
});

test('a printed signed or unsigned 64-bit value reads back exactly, or as unknown beyond 2^53 − 1', () => {
  fc.assert(fc.property(u64, fc.boolean(), (n, negative) => {
    const text = `${negative && n > 0n ? '-' : ''}${n}`;
    const expected = exactOrNull(n);
    const value = decimalAt(text, 0, text.length);
    assert.equal(Number.isNaN(value) ? null : Math.abs(value), expected, text);
    assert.equal(exactCount(`${n}`), expected);
  }), { numRuns: RUNS });
});

test('exactCount takes digits only', () => {
  neverThrowsAndOnlyFigures(exactCount, ['123', '-1', '0x10']);
  for (const text of ['', '-1', '+1', '0x10', '1e3', ' 1', '1 ', '1.0', '9007199254740992']) assert.equal(exactCount(text), null, text);
});
