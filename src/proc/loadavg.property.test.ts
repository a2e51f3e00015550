import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, neverThrowsAndOnlyFigures } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseLoadavg } from './loadavg.js';

test('any text: null or figures', () => {
  neverThrowsAndOnlyFigures(parseLoadavg, [fixtureText('proc-basic/loadavg')]);
});

test('a printed loadavg reads back exactly', () => {
  const load = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));
  const count = fc.integer({ min: 0, max: 2 ** 31 });
  fc.assert(fc.property(load, load, load, count, count, count, (l1, l5, l15, running, total, last) => {
    assert.deepEqual(parseLoadavg(`${l1} ${l5} ${l15} ${running}/${total} ${last}\n`), {
      load1: Number(l1), load5: Number(l5), load15: Number(l15), runningTasks: running, totalTasks: total, lastPid: last,
    });
  }), { numRuns: RUNS });
});
