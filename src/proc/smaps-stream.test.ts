import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSmaps, sumSmaps, type SmapsMapping } from './smaps.js';
import { parseSmapsRollup } from './smaps-rollup.js';
import { SmapsStreamParser, smapsTableOf } from './smaps-stream.js';
import { COUNTER_SLOTS, TABLE_COUNTERS, counterAt, hexAt, sumTable, textAt, type SmapsTable } from './smaps-table.js';
import { ProcFs } from './procfs.js';
import { fixturePidsWithMemory, fixtureText } from '../../test/fixtures/fixture-tree.js';
import { assertSameAsParseSmaps, tableInChunks } from '../../test/helpers/smaps-table-checks.js';

test('every captured smaps: the streamed table holds what parseSmaps reads, whatever the chunk size', () => {
  for (const pid of fixturePidsWithMemory()) {
    const text = fixtureText(`proc-basic/${pid}/smaps`);
    const mappings = parseSmaps(text);
    assertSameAsParseSmaps(smapsTableOf(text), mappings, `${pid} whole`);
    for (const size of [1, 7, 100, 4096]) assertSameAsParseSmaps(tableInChunks(text, size), mappings, `${pid} in chunks of ${size}`);
  }
});

test('hand-written nasty cases: 64-bit addresses, odd padding, spaces and UTF-8 in paths, cut and junk lines', () => {
  const text = [
    'ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]',
    'Size:                  4 kB',
    '400000-401000 r-xp 1234567890abcdef 08:01 18446744073709551615 /usr/bin/a b',
    'Rss:   8 kB',
    'Pss: 12x kB',
    'Private_Dirty: 4',
    'Swap:',
    'Locked  :   4 kB',
    '7f00000000-7f00001000 rw-s 00000000 00:05 7   /tmp/caf\u00e9 \u4e2d\u6587 (deleted)',
    'Anonymous:  16 kB   ',
    'VmFlags: rd wr sh',
    '0-1000 ---p 00000000 00:00 0 ',
    'Shared_Clean: 4 kB',
  ].join('\n');
  const mappings = parseSmaps(text);
  assert.equal(mappings.length, 4);
  for (const size of [1, 3, 64, 1 << 16]) assertSameAsParseSmaps(tableInChunks(text, size), mappings, `chunks of ${size}`);
  const table = smapsTableOf(text);
  assert.equal(hexAt(table, 0, 0), 'ffffffffff600000');
  assert.equal(hexAt(table, 1, 0), '400000', 'printed as it was, not padded to 8 digits');
  assert.equal(hexAt(table, 1, 2), '1234567890abcdef');
  assert.equal(textAt(table, 1, 2), '18446744073709551615', 'an inode beyond 2^53 stays exact');
  assert.equal(counterAt(table, 1, TABLE_COUNTERS.indexOf('Pss')), 0, 'a garbled value is left out, as parseSmaps does');
  assert.equal(smapsTableOf('').count, 0);
  assert.equal(smapsTableOf('Rss: 4 kB\nVmFlags: rd\n').count, 0, 'counters before any header belong to nothing');
});

test('the summed table agrees with the summed smaps and with smaps_rollup (the fallback\'s check)', () => {
  for (const pid of fixturePidsWithMemory()) {
    const text = fixtureText(`proc-basic/${pid}/smaps`);
    const fromTable = sumTable(smapsTableOf(text));
    const fromSmaps = sumSmaps(parseSmaps(text));
    const rollup = parseSmapsRollup(fixtureText(`proc-basic/${pid}/smaps_rollup`))!;
    for (const key of TABLE_COUNTERS.slice(1)) {
      assert.equal(fromTable[key], fromSmaps[key] ?? 0, `${pid} ${key}: table vs parseSmaps`);
      const short = rollup[key] - fromTable[key];
      // Pss and Locked are printed per mapping rounded down to whole kB (smaps-fallback.test.ts).
      if (key === 'Pss' || key === 'SwapPss' || key === 'Locked') assert.ok(short >= 0 && short < 1024 * smapsTableOf(text).count, `${pid} ${key}`);
      else assert.equal(fromTable[key], rollup[key], `${pid} ${key}: table vs smaps_rollup`);
    }
  }
});
