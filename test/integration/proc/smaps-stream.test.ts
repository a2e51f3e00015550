import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSmaps, sumSmaps, type SmapsMapping } from '../../../src/proc/smaps.js';
import { parseSmapsRollup } from '../../../src/proc/smaps-rollup.js';
import { SmapsStreamParser, smapsTableOf } from '../../../src/proc/smaps-stream.js';
import { COUNTER_SLOTS, TABLE_COUNTERS, counterAt, hexAt, sumTable, textAt, type SmapsTable } from '../../../src/proc/smaps-table.js';
import { ProcFs } from '../../../src/proc/procfs.js';
import { fixturePidsWithMemory, fixtureText } from '../../fixtures/fixture-tree.js';
import { assertSameAsParseSmaps, tableInChunks } from '../../helpers/smaps-table-checks.js';
import { startMemhog } from '../../helpers/live-helpers.js';

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
