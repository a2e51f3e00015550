import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseStatus } from './status.js';

const samples = ['1', '3852', '3858'].map((pid) => fixtureText(`proc-basic/${pid}/status`));

test('any text: a record of figures (uids exact or absent), never negative, NaN or rounded', () => {
  neverThrowsAndOnlyFigures(parseStatus, samples);
});

test('VmSize, VmRSS and Uid lines read back exactly, or as unknown', () => {
  const u32 = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n });
  fc.assert(fc.property(u64, u64, fc.array(u32, { minLength: 4, maxLength: 4 }), (vmSizeKb, vmRssKb, uids) => {
    const text = `Name:\tx\nPid:\t7\nUid:\t${uids.join('\t')}\nVmSize:\t${vmSizeKb} kB\nVmRSS:\t${vmRssKb} kB\nThreads:\t1\n`;
    const status = parseStatus(text);
    assert.deepEqual([status.vmSizeBytes, status.vmRssBytes], [exactOrNull(vmSizeKb * 1024n), exactOrNull(vmRssKb * 1024n)]);
    assert.deepEqual(status.uids, uids.map(Number));
    assert.deepEqual([status.pid, status.threads], [7, 1]);
  }), { numRuns: RUNS });
});
