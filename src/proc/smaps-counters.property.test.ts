import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseCounterLines, summarize, isExactSummary } from './smaps-counters.js';

test('any counter text: figures; its summary is figures whenever it says it is exact', () => {
  neverThrowsAndOnlyFigures((text) => {
    const summary = summarize(parseCounterLines(text));
    return [parseCounterLines(text), isExactSummary(summary) ? summary : null];
  }, [fixtureText('proc-basic/3852/smaps_rollup')]);
});

test('a kB counter and a bare per-mapping property read back exactly, or are left out', () => {
  fc.assert(fc.property(u64, u64, (kb, key) => {
    const counters = parseCounterLines(`Private_Dirty:  ${kb} kB\nProtectionKey:  ${key}\n`);
    assert.equal(counters.Private_Dirty ?? null, exactOrNull(kb * 1024n));
    assert.equal(counters.ProtectionKey ?? null, exactOrNull(key));
  }), { numRuns: RUNS });
});
