import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseMeminfo } from './meminfo.js';

test('any text: only figures', () => {
  neverThrowsAndOnlyFigures(parseMeminfo, [fixtureText('proc-basic/meminfo')]);
});

test('a kB line and a HugePages_ count read back exactly, or the field is left out (unknown)', () => {
  fc.assert(fc.property(u64, u64, (kb, pages) => {
    const meminfo = parseMeminfo(`MemTotal:       ${kb} kB\nHugePages_Total:   ${pages}\n`);
    assert.equal(meminfo.MemTotal ?? null, exactOrNull(kb * 1024n));
    assert.equal(meminfo.HugePages_Total ?? null, exactOrNull(pages));
  }), { numRuns: RUNS });
});
