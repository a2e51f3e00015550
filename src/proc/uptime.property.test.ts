import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, neverThrowsAndOnlyFigures } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseUptime } from './uptime.js';

test('any text: null or figures', () => {
  neverThrowsAndOnlyFigures(parseUptime, [fixtureText('proc-basic/uptime')]);
});

test('printed seconds read back exactly', () => {
  const seconds = fc.integer({ min: 0, max: 2 ** 40 }).map((n) => (n / 100).toFixed(2));
  fc.assert(fc.property(seconds, seconds, (up, idle) => {
    assert.deepEqual(parseUptime(`${up} ${idle}\n`), { uptimeSeconds: Number(up), idleSeconds: Number(idle) });
  }), { numRuns: RUNS });
});
