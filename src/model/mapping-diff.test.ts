/**
 * The per-mapping change on two real readings of one process (test/fixtures/smaps-diff: growhog
 * before and after it grew its heap by 8 MiB, filled a 16 MiB region, and swapped a 1 MiB region
 * for a 2 MiB one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smapsTableOf } from '../proc/smaps-stream.js';
import { fixturesDir } from '../../test/helpers/paths.js';
import { deltaRowAt, deltaTotal, diffGroups, diffTables, sortedDeltaIndexes } from './mapping-diff.js';
import { hasChanged, type MappingDeltaRow } from './mapping-delta-row.js';
import { MAPPING_DELTA_COLUMNS } from './mapping-delta-columns.js';
import { findColumn } from './column.js';
import { totalOfTable } from './mapping-order.js';

const KIB = 1024;
const MIB = 1024 * KIB;
const CONTEXT = { memTotalBytes: 0, nowEpochMs: 0 };
const read = (name: string) => smapsTableOf(readFileSync(join(fixturesDir, 'smaps-diff', `growhog-${name}.smaps`), 'utf8'));
const before = read('before');
const after = read('after');

function rowsOf(diff: ReturnType<typeof diffTables>): MappingDeltaRow[] {
  return Array.from({ length: diff.count }, (_, k) => deltaRowAt(diff, k));
}

test('the heap and the filled region are matched across readings, with their change', () => {
  const rows = rowsOf(diffTables(before, after));
  const heap = rows.find((r) => r.path === '[heap]')!;
  assert.equal(heap.change, 'kept');
  assert.equal(heap.sizeDeltaBytes, 8 * MIB);
  assert.equal(heap.rssDeltaBytes, 8 * MIB);
  assert.equal(heap.ussDeltaBytes, 8 * MIB);
  assert.equal(heap.rssBytes - heap.rssDeltaBytes, 12 * KIB, 'its RSS at the mark: the pages touched then');
  const region = rows.find((r) => r.kind === 'anon' && r.sizeBytes === 16 * MIB)!;
  assert.equal(region.change, 'kept');
  assert.equal(region.sizeDeltaBytes, 0);
  assert.equal(region.rssDeltaBytes, 16 * MIB - 4 * KIB, 'all but the page touched before');
  assert.equal(region.pssDeltaBytes, 16 * MIB - 4 * KIB);
});

test('an unmapped region is gone (figures 0, change negative) and the one mapped in its place is new', () => {
  const rows = rowsOf(diffTables(before, after));
  const gone = rows.filter((r) => r.change === 'gone');
  const fresh = rows.filter((r) => r.change === 'new');
  assert.deepEqual(gone.map((r) => [r.perms, r.rssBytes, r.rssDeltaBytes, r.sizeDeltaBytes]),
    [['---p', 0, 0, -4 * KIB], ['rw-p', 0, -1 * MIB, -1 * MIB]]);
  assert.deepEqual(fresh.map((r) => [r.perms, r.sizeBytes, r.rssDeltaBytes]), [['---p', 4 * KIB, 0], ['rw-p', 2 * MIB, 2 * MIB]]);
  assert.equal(gone[1].end, fresh[1].end, 'the new region ends where the old one did: matched by start, they differ');
  assert.equal(rows.length, after.count + 2);
});

test('nothing else moved by 64 KiB or more; the totals change is the sum of the rows\' changes', () => {
  const rows = rowsOf(diffTables(before, after));
  const big = rows.filter((r) => Math.abs(r.rssDeltaBytes) >= 64 * KIB || Math.abs(r.ussDeltaBytes) >= 64 * KIB);
  assert.deepEqual(big.map((r) => `${r.change} ${r.path || r.kind} ${r.rssDeltaBytes / KIB}K`).sort(),
    ['gone anon -1024K', 'kept [heap] 8192K', 'kept anon 16380K', 'new anon 2048K']);
  const total = deltaTotal({ mark: before, now: after });
  for (const field of ['rssDeltaBytes', 'pssDeltaBytes', 'ussDeltaBytes', 'sizeDeltaBytes', 'swapDeltaBytes'] as const) {
    assert.equal(total[field], rows.reduce((sum, r) => sum + r[field], 0), field);
  }
  assert.equal(total.rssBytes, totalOfTable(after).rssBytes);
});

test('a reading against itself: every mapping kept, nothing changed', () => {
  for (const diff of [diffTables(after, after), diffTables(after, read('after'))]) {
    const rows = rowsOf(diff);
    assert.equal(rows.length, after.count);
    assert.ok(rows.every((r) => r.change === 'kept' && !hasChanged(r)));
  }
});

test('sorted by ΔRSS, largest growth first; gone rows, with their negative change, last', () => {
  const diff = diffTables(before, after);
  const order = sortedDeltaIndexes(diff, { column: findColumn(MAPPING_DELTA_COLUMNS, 'drss')!, descending: true }, CONTEXT);
  const rows = order.map((k) => deltaRowAt(diff, k));
  assert.deepEqual(rows.slice(0, 3).map((r) => r.rssDeltaBytes), [16 * MIB - 4 * KIB, 8 * MIB, 2 * MIB]);
  assert.equal(rows.at(-1)!.rssDeltaBytes, -1 * MIB);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].rssDeltaBytes >= rows[i].rssDeltaBytes);
});

test('grouped: matched by group key; [anon] sums its mappings\' change, each file its own', () => {
  const groups = diffGroups(before, after);
  const byPath = new Map(groups.map((g) => [g.path, g]));
  assert.equal(byPath.get('[heap]')!.rssDeltaBytes, 8 * MIB);
  assert.equal(byPath.get('[anon]')!.rssDeltaBytes, 16 * MIB - 4 * KIB + 2 * MIB - 1 * MIB);
  assert.equal(byPath.get('[anon]')!.change, 'kept');
  assert.equal(byPath.get('/usr/lib/x86_64-linux-gnu/libc.so.6')!.rssDeltaBytes, 0);
  // libc's pages became shared with another process between the readings: its USS and PSS fell, its RSS did not.
  const libc = byPath.get('/usr/lib/x86_64-linux-gnu/libc.so.6')!;
  assert.deepEqual([libc.ussDeltaBytes, libc.pssDeltaBytes], [-16 * KIB, -11 * KIB]);
  assert.deepEqual(groups.filter(hasChanged).map((g) => g.path), ['[heap]', '[anon]', '/usr/lib/x86_64-linux-gnu/libc.so.6']);
  assert.equal(groups.length, new Set(groups.map((g) => g.path)).size, 'one row per group');
});

test('a group only in the mark is gone; only now, new', () => {
  const groups = diffGroups(after, before).concat();
  assert.ok(groups.every((g) => g.change === 'kept'), 'both readings have the same groups');
  const heapOnly = diffGroups(before, smapsTableOf(''));
  assert.ok(heapOnly.length > 0 && heapOnly.every((g) => g.change === 'gone' && g.rssBytes === 0 && g.rssDeltaBytes <= 0));
  assert.ok(diffGroups(smapsTableOf(''), after).every((g) => g.change === 'new' && g.rssDeltaBytes === g.rssBytes));
});

test('the change columns: signed text, "new"/"gone" marks, JSON says "kept"', () => {
  const rows = rowsOf(diffTables(before, after));
  const heap = rows.find((r) => r.path === '[heap]')!;
  const drss = findColumn(MAPPING_DELTA_COLUMNS, 'drss')!;
  const change = findColumn(MAPPING_DELTA_COLUMNS, 'change')!;
  assert.equal(drss.value(heap, CONTEXT), 8 * MIB);
  assert.equal(change.value(heap, CONTEXT), '');
  assert.equal(change.json!.value!(heap), 'kept');
  assert.equal(change.value(rows.find((r) => r.change === 'gone')!, CONTEXT), 'gone');
});

test('readings not in address order are matched by key, to the same result', () => {
  const text = readFileSync(join(fixturesDir, 'smaps-diff', 'growhog-before.smaps'), 'utf8');
  // Each mapping's block (header and counters), last first.
  const blocks = text.split(/^(?=[0-9a-f]+-[0-9a-f]+ )/m).reverse();
  const shuffled = smapsTableOf(blocks.join(''));
  const summary = (rows: MappingDeltaRow[]) => rows.map((r) => `${r.start} ${r.change} ${r.rssDeltaBytes}`).sort();
  assert.deepEqual(summary(rowsOf(diffTables(shuffled, after))), summary(rowsOf(diffTables(before, after))));
});
