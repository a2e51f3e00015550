import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSmaps, sumSmaps, type SmapsMapping } from '../../../src/proc/smaps.js';
import { parseSmapsRollup } from '../../../src/proc/smaps-rollup.js';
import { SmapsStreamParser, smapsTableOf } from '../../../src/proc/smaps-stream.js';
import { COUNTER_SLOTS, TABLE_COUNTERS, counterAt, hexAt, sumTable, textAt, type SmapsTable } from '../../../src/proc/smaps-table.js';
import { ProcFs } from '../../../src/proc/procfs.js';
import { fixturePidsWithMemory, fixtureText } from '../../fixtures/fixture-tree.js';
import { startMemhog } from '../../helpers/live-helpers.js';

/** The table says what parseSmaps says of every mapping: header fields and kept counters. */
function assertSameAsParseSmaps(table: SmapsTable, mappings: SmapsMapping[], what: string): void {
  assert.equal(table.count, mappings.length, `${what}: mapping count`);
  mappings.forEach((m, i) => {
    const header = [hexAt(table, i, 0), hexAt(table, i, 1), textAt(table, i, 0), hexAt(table, i, 2), textAt(table, i, 1), textAt(table, i, 2), textAt(table, i, 3)];
    assert.deepEqual(header, [m.start, m.end, m.perms, m.offset, m.device, m.inode, m.path], `${what}: header of mapping ${i}`);
    for (let slot = 0; slot < COUNTER_SLOTS; slot++) {
      const key = TABLE_COUNTERS[slot];
      const expected = m.counters[key] ?? (key === 'Size' ? NaN : 0);
      assert.equal(counterAt(table, i, slot), expected, `${what}: ${key} of mapping ${i}`);
    }
  });
}

/** The same text pushed in chunks of `size` bytes (lines and UTF-8 sequences cut anywhere). */
function tableInChunks(text: string, size: number): SmapsTable {
  const bytes = Buffer.from(text, 'utf8');
  const parser = new SmapsStreamParser();
  const chunk = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(chunk, 0, at, Math.min(bytes.length, at + size));
    parser.push(chunk, n);
  }
  return parser.finish();
}

test('a live process with thousands of mappings, read in chunks from /proc: the same table as its whole text', async (t) => {
  const helper = await startMemhog(['maps', '5000']);
  t.after(() => helper.stop());
  helper.pause();
  const pid = helper.pids[0];
  const procfs = new ProcFs();
  const parser = new SmapsStreamParser();
  let chunks = 0;
  assert.equal(procfs.readChunks(`${pid}/smaps`, (chunk, length) => { chunks++; parser.push(chunk, length); }), null);
  const table = parser.finish();
  assert.ok(table.count >= 5000, `${table.count} mappings`);
  assert.ok(chunks > 1, 'the file came in several chunks');
  assertSameAsParseSmaps(table, parseSmaps(readFileSync(`/proc/${pid}/smaps`, 'utf8')), 'live');
  assert.ok(table.strings.length < 50, `perms, devices, inodes and paths interned: ${table.strings.length} strings`);
  assert.deepEqual(procfs.readChunks('999999999/smaps', () => assert.fail('no chunk')), { code: 'ENOENT', path: '/proc/999999999/smaps' });
});
