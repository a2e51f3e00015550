import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseStatm } from './statm.js';

test('any text: null or seven exact page counts', () => {
  neverThrowsAndOnlyFigures(parseStatm, [fixtureText('proc-basic/3852/statm')]);
});

test('seven printed counts read back exactly; one beyond 2^53 − 1 makes the line unknown', () => {
  fc.assert(fc.property(fc.array(u64, { minLength: 7, maxLength: 7 }), (pages) => {
    const statm = parseStatm(`${pages.join(' ')}\n`);
    if (pages.some((p) => exactOrNull(p) === null)) assert.equal(statm, null);
    else assert.deepEqual(statm && Object.values(statm), pages.map(Number));
  }), { numRuns: RUNS });
});
