import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smapsTableOf } from '../proc/smaps-stream.js';
import { parseSmapsRollup } from '../proc/smaps-rollup.js';
import { compareAddress, groupMappingsByPath, tieBreakMappings, toMappingRows, totalOfMappings } from './mapping-row.js';
import { MAPPING_COLUMNS, MAPPING_SIZE_COLUMNS } from './mapping-columns.js';
import { findColumn } from './column.js';
import { sortRows } from './sort-rows.js';
import { mappingJson, mappingsJson } from './mappings-json.js';

const CONTEXT = { memTotalBytes: 0, nowEpochMs: 0 };
import { procBasic } from '../../test/helpers/paths.js';

const memhog = join(procBasic, '3852');
const rows = toMappingRows(smapsTableOf(readFileSync(join(memhog, 'smaps'), 'utf8')));
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

test('sorting: ties in address order whatever the addresses\' lengths; offsets by value, not by text', () => {
  const at = (start: string, offset: string) => ({ ...rows[0], start, end: start, offset, count: 1, rssBytes: 4096 });
  const mixed = [at('7f91a0000000', '00001000'), at('100000000', 'fffff000'), at('90000000', '100000000'), at('a00000', '00000000')];
  const rss = findColumn(MAPPING_COLUMNS, 'rss')!;
  const byRss = sortRows(mixed, { column: rss, descending: true }, CONTEXT, tieBreakMappings);
  assert.deepEqual(byRss.map((r) => r.start), ['a00000', '90000000', '100000000', '7f91a0000000']);
  const offset = findColumn(MAPPING_COLUMNS, 'offset')!;
  const byOffset = sortRows(mixed, { column: offset, descending: false }, CONTEXT, tieBreakMappings);
  assert.deepEqual(byOffset.map((r) => r.offset), ['00000000', '00001000', 'fffff000', '100000000']);
  assert.equal(offset.value(mixed[1], CONTEXT), 'fffff000', 'shown as the kernel prints it');
});

test('--group path: one row per file, a file being its device and inode too (two deleted files of one name are two rows)', () => {
  const at = (start: string, path: string, inode: string) => ({ ...rows[0], start, end: start, path, device: '00:2a', inode, kind: 'file' as const, count: 1, rssBytes: 4096 });
  const groups = groupMappingsByPath([
    at('1000', '/tmp/scratch (deleted)', '11'), at('2000', '/tmp/scratch (deleted)', '11'), at('3000', '/tmp/scratch (deleted)', '12'),
    at('4000', '/SYSV00000000 (deleted)', '5'), at('5000', '/SYSV00000000 (deleted)', '6'),
  ]);
  assert.deepEqual(groups.map((g) => [g.path, g.inode, g.count, g.rssBytes]), [
    ['/tmp/scratch (deleted)', '11', 2, 8192], ['/tmp/scratch (deleted)', '12', 1, 4096],
    ['/SYSV00000000 (deleted)', '5', 1, 4096], ['/SYSV00000000 (deleted)', '6', 1, 4096],
  ]);
});

test('JSON inode: a number, or its exact digits as a string beyond 2^53', () => {
  assert.equal(mappingJson({ ...rows[0], inode: '260104' }, false).inode, 260104);
  assert.equal(mappingJson({ ...rows[0], inode: '9223372036856996542' }, false).inode, '9223372036856996542');
  const inode = findColumn(MAPPING_COLUMNS, 'inode')!;
  assert.equal(inode.value({ ...rows[0], inode: '9223372036856996542' }, CONTEXT), '9223372036856996542');
  const sorted = sortRows([{ ...rows[0], inode: '9223372036856996542' }, { ...rows[0], inode: '24' }], { column: inode, descending: false }, CONTEXT);
  assert.deepEqual(sorted.map((r) => r.inode), ['24', '9223372036856996542']);
});

test('a mapping\'s JSON sizes are the size columns\' fields, in table order, in the totals too', () => {
  const json = mappingsJson(1, 'x', rows, rows[0], false);
  const sizeKeys = MAPPING_SIZE_COLUMNS.map((c) => c.json!.name);
  assert.deepEqual(Object.keys(json.mappings[0]).filter((k) => sizeKeys.includes(k)), sizeKeys);
  assert.deepEqual(Object.keys(json.totals), ['count', ...sizeKeys]);
  for (const column of MAPPING_SIZE_COLUMNS) {
    assert.equal((json.mappings[0] as unknown as Record<string, unknown>)[column.id], column.value(rows[0], { memTotalBytes: 0, nowEpochMs: 0 }));
  }
});
