import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parsePressure } from './pressure.js';

test('any text: only figures', () => {
  neverThrowsAndOnlyFigures(parsePressure, [fixtureText('proc-basic/pressure/memory')]);
});

test('printed averages and totals read back exactly; a total beyond 15 digits is unknown', () => {
  const avg = fc.integer({ min: 0, max: 10000 }).map((n) => (n / 100).toFixed(2));
  fc.assert(fc.property(avg, avg, avg, u64, (a10, a60, a300, total) => {
    const { some } = parsePressure(`some avg10=${a10} avg60=${a60} avg300=${a300} total=${total}\n`);
    if (String(total).length > 15) assert.equal(some, null);
    else assert.deepEqual(some, { avg10: Number(a10), avg60: Number(a60), avg300: Number(a300), totalMicroseconds: Number(total) });
  }), { numRuns: RUNS });
});
