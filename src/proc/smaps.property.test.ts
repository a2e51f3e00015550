import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, assertFigures, exactOrNull, u64 } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseSmaps, sumSmaps } from './smaps.js';

const sample = fixtureText('proc-basic/3852/smaps').slice(0, 3000);

test('any text: mappings of figures, and sums of figures (a sum beyond 2^53 − 1 left out, never rounded)', () => {
  fc.assert(fc.property(anyText(sample), (text) => {
    const mappings = parseSmaps(text);
    assertFigures(mappings.map((m) => m.counters));
    assertFigures(sumSmaps(mappings));
    for (const m of mappings) assert.ok(typeof m.path === 'string' && /^[0-9a-f]+$/.test(m.start) && /^\d+$/.test(m.inode));
  }), { numRuns: RUNS });
});

test('a mapping header and Rss line read back exactly: addresses and inode as printed, sizes exact or unknown', () => {
  const hex = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((n) => n.toString(16));
  fc.assert(fc.property(hex, hex, u64, u64, (start, end, inode, rssKb) => {
    const text = `${start}-${end} r-xp 00000000 08:01 ${inode}  /usr/lib/x.so\nRss:  ${rssKb} kB\n`;
    const [m] = parseSmaps(text);
    assert.deepEqual([m.start, m.end, m.inode, m.path], [start, end, String(inode), '/usr/lib/x.so']);
    assert.equal(m.counters.Rss ?? null, exactOrNull(rssKb * 1024n));
    // Two of them: their sum, or unknown when a double cannot hold it.
    const sum = sumSmaps(parseSmaps(text + text)).Rss ?? null;
    assert.equal(sum, m.counters.Rss === undefined ? null : exactOrNull(rssKb * 2048n));
  }), { numRuns: RUNS });
});
