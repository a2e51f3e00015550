/**
 * `memtop maps` writes a row at a time (maps-table.ts, mapping-order.ts): its output must be what
 * the one-shot reports give for the same rows held whole (humanReport, csvReport, jsonOutput).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapsReport } from './maps-report.js';
import { csvReport, humanReport, type ColumnReport } from './column-report.js';
import { jsonOutput } from './json-output.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { DEFAULT_MAPPING_COLUMN_IDS } from './maps-report.js';
import { MAPPING_COLUMNS } from '../model/mapping-columns.js';
import { tieBreakMappings, totalOfMappings, type MappingRow } from '../model/mapping-row.js';
import { rowsOf, totalOfTable } from '../model/mapping-order.js';
import { mappingsJson } from '../model/mappings-json.js';
import { sortRows } from '../model/sort-rows.js';
import { smapsTableOf } from '../proc/smaps-stream.js';
import { procBasic } from '../../test/helpers/paths.js';
import { fixturePidsWithMemory } from '../../test/fixtures/fixture-tree.js';

const CONTEXT = { memTotalBytes: 0, nowEpochMs: 0 };

/** Plain objects with every field, as the rows were before they read the table lazily. */
function plainRows(pid: number): MappingRow[] {
  const table = smapsTableOf(readFileSync(join(procBasic, String(pid), 'smaps'), 'utf8'));
  return [...rowsOf(table)].map((row): MappingRow => ({
    start: row.start, end: row.end, perms: row.perms, offset: row.offset, device: row.device, inode: row.inode, path: row.path,
    kind: row.kind, count: row.count, sizeBytes: row.sizeBytes, rssBytes: row.rssBytes, pssBytes: row.pssBytes, ussBytes: row.ussBytes,
    sharedBytes: row.sharedBytes, dirtyBytes: row.dirtyBytes, swapBytes: row.swapBytes, swapPssBytes: row.swapPssBytes,
    lockedBytes: row.lockedBytes, anonymousBytes: row.anonymousBytes,
  }));
}

const TOTALLED = new Set(['count', 'size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked']);

function reference(pid: number, columnList: string | undefined, sortId: string | undefined, form: 'human' | 'csv' | 'json', width?: number, comm = ''): string {
  const single = plainRows(pid);
  const total = totalOfMappings(single);
  const columns = chooseColumns(MAPPING_COLUMNS, columnList, DEFAULT_MAPPING_COLUMN_IDS);
  const rows = sortId ? sortRows(single, chooseSort(MAPPING_COLUMNS, sortId, 'address', false)!, CONTEXT, tieBreakMappings) : single;
  if (form === 'json') return jsonOutput(mappingsJson(pid, comm, rows, total, false), false);
  const report: ColumnReport<MappingRow> = {
    columns, rows, context: CONTEXT,
    totals: { label: 'total', value: (id) => (TOTALLED.has(id) ? MAPPING_COLUMNS.find((c) => c.id === id)!.value(total, CONTEXT) : undefined), partial: () => false },
  };
  return form === 'csv' ? csvReport(report) : humanReport(report, width);
}

test('the streamed table, CSV and JSON equal the reports made from whole rows, for every captured process', () => {
  for (const pid of fixturePidsWithMemory()) {
    const flags = { proc: procBasic };
    const human = mapsReport(pid, flags).stdout;
    assert.equal(human.slice(human.indexOf('\n') + 1), reference(pid, undefined, undefined, 'human'), `${pid} table`);
    const narrow = mapsReport(pid, flags, { ttyWidth: 100 }).stdout;
    assert.equal(narrow.slice(narrow.indexOf('\n') + 1), reference(pid, undefined, undefined, 'human', 100), `${pid} table cut to 100 cells`);
    const sized = mapsReport(pid, { ...flags, columns: 'size,rss', sort: 'rss' }).stdout;
    assert.equal(sized.slice(sized.indexOf('\n') + 1), reference(pid, 'size,rss', 'rss', 'human'), `${pid} totals in a label column of their own`);
    assert.equal(mapsReport(pid, { ...flags, csv: true, sort: 'path' }).stdout, reference(pid, undefined, 'path', 'csv'), `${pid} CSV`);
    const json = mapsReport(pid, { ...flags, json: true, sort: 'pss' }).stdout;
    assert.equal(json, reference(pid, undefined, 'pss', 'json', undefined, (JSON.parse(json) as { comm: string }).comm), `${pid} JSON`);
  }
});

test('the totals summed from the table equal the totals of its rows', () => {
  for (const pid of fixturePidsWithMemory()) {
    const table = smapsTableOf(readFileSync(join(procBasic, String(pid), 'smaps'), 'utf8'));
    assert.deepEqual({ ...totalOfTable(table) }, { ...totalOfMappings(plainRows(pid)) }, `${pid}`);
  }
});
