import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, neverThrowsAndOnlyFigures, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parsePidStat, impossibleStatFields } from './pid-stat.js';

const samples = ['1', '2', '3852', '3858'].map((pid) => fixtureText(`proc-basic/${pid}/stat`));
/** Signed by definition in proc(5): tty_nr, tpgid (-1: none), priority and nice (negative for real-time and niced tasks). */
const SIGNED = new Set(['ttyNr', 'tpgid', 'priority', 'nice']);

test('any text: null or a record of figures; no unsigned field negative, NaN or rounded', () => {
  neverThrowsAndOnlyFigures(parsePidStat, samples, SIGNED);
});

test('a stat line with any unsigned 64-bit utime, stime, starttime, vsize and rss reads back exactly or as unknown', () => {
  const fields = samples[2].slice(samples[2].lastIndexOf(')') + 2).trimEnd().split(' ');
  fc.assert(fc.property(fc.array(u64, { minLength: 5, maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 20 }), (values, comm) => {
    const f = [...fields];
    // proc(5) numbers 14, 15, 22, 23, 24; the list here starts at field 3.
    [14, 15, 22, 23, 24].forEach((n, i) => { f[n - 3] = String(values[i]); });
    const stat = parsePidStat(`3852 (${comm}) ${f.join(' ')}\n`);
    assert.ok(stat !== null, 'a whole line parses');
    assert.equal(stat.comm, comm);
    assert.deepEqual([stat.utimeTicks, stat.stimeTicks, stat.startTimeTicks, stat.vsizeBytes, stat.rssPages], values.map(exactOrNull));
    assert.equal(impossibleStatFields(stat).length, values.filter((v) => exactOrNull(v) === null).length);
  }), { numRuns: RUNS });
});
