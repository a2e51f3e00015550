import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseSystemStat } from './system-stat.js';

test('any text: only figures (btime exact or null)', () => {
  neverThrowsAndOnlyFigures(parseSystemStat, [fixtureText('proc-basic/stat').slice(0, 1500)]);
});

test('btime and the cpu line read back exactly, or as unknown (btime null, a tick count 0)', () => {
  fc.assert(fc.property(u64, u64, (btime, user) => {
    const stat = parseSystemStat(`cpu  ${user} 0 1 2 0 0 0 0 0 0\nbtime ${btime}\n`);
    assert.equal(stat.bootTimeSeconds, exactOrNull(btime));
    assert.equal(stat.cpu.user, exactOrNull(user) ?? 0);
  }), { numRuns: RUNS });
});
