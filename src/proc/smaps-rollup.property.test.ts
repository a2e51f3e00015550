import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseRollupSummary, parseSmapsRollup } from './smaps-rollup.js';
import { summarize } from './smaps-counters.js';

const sample = fixtureText('proc-basic/3852/smaps_rollup');

test('any text: null or figures, from the counters and from the summary', () => {
  neverThrowsAndOnlyFigures(parseSmapsRollup, [sample]);
  neverThrowsAndOnlyFigures(parseRollupSummary, [sample]);
});

test('a rollup with any kB values: the summary is exact, or unknown when a figure or sum is beyond 2^53 − 1', () => {
  const keys = ['Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Anonymous', 'Swap', 'SwapPss', 'Locked'];
  const kb = fc.oneof(u64, fc.bigInt({ min: 0n, max: 2n ** 43n }));
  fc.assert(fc.property(fc.array(kb, { minLength: keys.length, maxLength: keys.length }), (values) => {
    const text = '00400000-7ffd00000000 ---p 00000000 00:00 0  [rollup]\n' + keys.map((k, i) => `${`${k}:`.padEnd(16)}${values[i]} kB\n`).join('');
    const summary = parseRollupSummary(text);
    const bytes = Object.fromEntries(keys.map((k, i) => [k, values[i] * 1024n]));
    const expected = [bytes.Rss, bytes.Pss, bytes.Private_Clean + bytes.Private_Dirty, bytes.Shared_Clean + bytes.Shared_Dirty,
      bytes.Shared_Dirty + bytes.Private_Dirty, bytes.Swap, bytes.SwapPss, bytes.Locked, bytes.Anonymous];
    if (expected.some((b) => exactOrNull(b) === null)) assert.equal(summary, null);
    else {
      assert.ok(summary !== null);
      assert.deepEqual([summary.rssBytes, summary.pssBytes, summary.ussBytes, summary.sharedBytes, summary.dirtyBytes, summary.swapBytes,
        summary.swapPssBytes, summary.lockedBytes, summary.anonymousBytes], expected.map(Number));
      const counters = parseSmapsRollup(text);
      assert.ok(counters !== null);
      assert.deepEqual(summarize(counters), summary, 'the fast path and the counter map agree');
    }
    assertFigures(summary);
  }), { numRuns: RUNS });
});
