/**
 * One column table, every output: each entry of PROCESS_COLUMNS reaches the UI's column picker,
 * CSV, JSON (under its JSON name, with the column's value) and — when it aggregates — the grouped
 * output and the totals, with no other list to update. The table is iterated: no id is written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROCESS_COLUMNS } from '../../src/model/process-columns.js';
import { groupColumns } from '../../src/model/group-columns.js';
import { isAggregated } from '../../src/model/column.js';
import { ColumnPicker } from '../../src/ui/widgets/column-picker.js';
import { makeTheme } from '../../src/ui/theme.js';
import { procBasic } from '../helpers/paths.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';

const allIds = PROCESS_COLUMNS.map((c) => c.id);

function csvHeader(args: string[]): string[] {
  const run = runMemtop(['snapshot', '--csv', '--proc', procBasic, ...args]);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n')[0].split(',');
}

test('every process column is in the column picker, with its title and description', () => {
  const picker = new ColumnPicker(PROCESS_COLUMNS, [], () => ({}));
  const lines = picker.render(200, PROCESS_COLUMNS.length, makeTheme(false));
  assert.equal(lines.length, PROCESS_COLUMNS.length);
  PROCESS_COLUMNS.forEach((column, i) => {
    assert.ok(lines[i].includes(column.id) && lines[i].includes(column.title) && lines[i].includes(column.description.slice(0, 40)), column.id);
  });
});

test('every process column can be a CSV column, and --sort takes each of them', () => {
  assert.deepEqual(csvHeader(['--columns', allIds.join(',')]), allIds);
  for (const id of allIds) assert.equal(runMemtop(['snapshot', '--csv', '--proc', procBasic, '--columns', 'pid', '--sort', id]).status, 0, id);
});

test('JSON: every column with a JSON name carries the column\'s value under it, in table order', () => {
  const json = memtopJson<{ processes: Record<string, unknown>[] }>(['snapshot', '--json', '--proc', procBasic]);
  const csv = runMemtop(['snapshot', '--csv', '--proc', procBasic, '--columns', allIds.join(','), '--sort', 'pid']).stdout.trimEnd().split('\n');
  const named = PROCESS_COLUMNS.filter((c) => c.json !== undefined);
  for (const p of json.processes) {
    assert.deepEqual(Object.keys(p), [...named.map((c) => c.json!.name), 'kernelThread', 'denied', 'invalid']);
    const row = csv.find((line) => line.startsWith(`${p.pid},`))!.split(',');
    for (const column of named) {
      if (column.json!.value !== undefined || column.kind === 'text') continue;
      const cell = row[allIds.indexOf(column.id)];
      assert.equal(p[column.json!.name], cell === '' ? null : Number(cell), `${p.pid} ${column.id}`);
    }
  }
});

test('grouped output: every aggregating column, and only those, with the group key and count; totals of each', () => {
  for (const by of ['program', 'user'] as const) {
    const aggregated = PROCESS_COLUMNS.filter(isAggregated).map((c) => c.id);
    assert.deepEqual(groupColumns(by).map((c) => c.id), [by, 'count', ...aggregated]);
    assert.deepEqual(csvHeader(['--group', by, '--columns', [by, 'count', ...aggregated].join(',')]), [by, 'count', ...aggregated, 'partial']);
    for (const column of PROCESS_COLUMNS.filter((c) => !isAggregated(c) && c.id !== by)) {
      assert.equal(runMemtop(['snapshot', '--group', by, '--columns', column.id, '--proc', procBasic]).status, 2, `${column.id} does not aggregate`);
    }
    const json = memtopJson<{ groups: Record<string, unknown>[]; totals: Record<string, unknown> }>(['snapshot', '--json', '--group', by, '--totals', '--proc', procBasic]);
    const jsonNames = PROCESS_COLUMNS.filter((c) => isAggregated(c) && c.json !== undefined).map((c) => c.json!.name);
    assert.deepEqual(Object.keys(json.groups[0]), [by, 'count', ...jsonNames, 'unknown']);
    assert.deepEqual(Object.keys(json.totals), ['label', 'count', ...jsonNames, 'unknown']);
  }
});
