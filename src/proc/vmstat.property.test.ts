import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseVmstat } from './vmstat.js';

test('any text: only figures (a negative or rounded counter is left out)', () => {
  neverThrowsAndOnlyFigures(parseVmstat, [fixtureText('proc-basic/vmstat').slice(0, 2000)]);
});

test('a counter reads back exactly, or is left out', () => {
  fc.assert(fc.property(u64, (n) => {
    assert.equal(parseVmstat(`pgfault ${n}\n`).pgfault ?? null, exactOrNull(n));
  }), { numRuns: RUNS });
});
