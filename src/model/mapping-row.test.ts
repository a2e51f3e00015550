import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSmaps } from '../proc/smaps.js';
import { parseSmapsRollup } from '../proc/smaps-rollup.js';
import { compareAddress, groupMappingsByPath, toMappingRows, totalOfMappings } from './mapping-row.js';
import { procBasic } from '../../test/helpers/paths.js';

const memhog = join(procBasic, '3852');
const rows = toMappingRows(parseSmaps(readFileSync(join(memhog, 'smaps'), 'utf8')));
const rollup = parseSmapsRollup(readFileSync(join(memhog, 'smaps_rollup'), 'utf8'))!;

test('each mapping gets its kind, its USS and its size', () => {
  const heap = rows.find((r) => r.path === '[heap]')!;
  assert.equal(heap.kind, 'heap');
  assert.equal(heap.count, 1);
  assert.equal(heap.sizeBytes, Number(BigInt(`0x${heap.end}`) - BigInt(`0x${heap.start}`)));
  for (const r of rows) assert.ok(r.ussBytes <= r.rssBytes && r.pssBytes <= r.rssBytes, r.path);
  assert.ok(rows.some((r) => r.kind === 'shmem') && rows.some((r) => r.kind === 'file') && rows.some((r) => r.kind === 'anon'));
});

test('the totals row equals smaps_rollup (PSS within the kernel\'s per-mapping kB truncation)', () => {
  const total = totalOfMappings(rows);
  assert.equal(total.count, rows.length);
  assert.equal(total.rssBytes, rollup.Rss);
  assert.equal(total.ussBytes, rollup.Private_Clean + rollup.Private_Dirty);
  assert.equal(total.sharedBytes, rollup.Shared_Clean + rollup.Shared_Dirty);
  assert.equal(total.swapBytes, rollup.Swap);
  assert.ok(rollup.Pss - total.pssBytes >= 0 && rollup.Pss - total.pssBytes < 1024 * rows.length);
  assert.equal(total.start, rows.map((r) => r.start).sort(compareAddress)[0]);
  assert.equal(total.end, rows.map((r) => r.end).sort(compareAddress).at(-1));
});

test('grouping by path keeps the sums and makes one row per file', () => {
  const groups = groupMappingsByPath(rows);
  const files = new Set(rows.filter((r) => r.path !== '').map((r) => r.path));
  const anonymous = new Set(rows.filter((r) => r.path === '').map((r) => r.kind));
  assert.equal(groups.length, files.size + anonymous.size);
  const grouped = totalOfMappings(groups);
  const plain = totalOfMappings(rows);
  assert.deepEqual({ ...grouped, count: 0 }, { ...plain, count: 0 });
  assert.equal(grouped.count, rows.length);
  const binary = groups.find((g) => g.path.endsWith('/memhog'));
  assert.ok(binary && binary.count > 1 && binary.perms === 'mixed', 'the binary maps several segments');
});

test('addresses of different lengths compare by value', () => {
  assert.ok(compareAddress('ffffffffff600000', '7ffc00000000') > 0);
  assert.ok(compareAddress('55aa00000000', '7ffc00000000') < 0);
  assert.equal(compareAddress('1000', '1000'), 0);
});
