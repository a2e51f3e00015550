import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsForWidth, MIN_COMMAND_CELLS } from './narrow-columns.js';
import { parseColumnList } from '../../model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../../model/process-columns.js';
import { layoutTable } from '../widgets/table-text.js';

const defaults = parseColumnList(PROCESS_COLUMNS, DEFAULT_PROCESS_COLUMN_IDS.join(','));
const commandWidth = (columns: typeof defaults, width: number) => layoutTable(columns, width).widths[columns.findIndex((c) => c.id === 'command')];

test('wide enough: every column stays', () => {
  const { shown, hidden } = columnsForWidth(defaults, 160, 'pss');
  assert.deepEqual(shown.map((c) => c.id), DEFAULT_PROCESS_COLUMN_IDS);
  assert.deepEqual(hidden, []);
});

test('at 80 columns the least useful columns step aside until the command has its cells', () => {
  assert.ok(commandWidth(defaults, 80) < 10, 'all default columns leave the command a few cells');
  const { shown, hidden } = columnsForWidth(defaults, 80, 'pss');
  assert.ok(commandWidth(shown, 80) >= MIN_COMMAND_CELLS, `command ${commandWidth(shown, 80)} cells`);
  assert.deepEqual(hidden.map((c) => c.id), ['shr', 'vss', 'swap']);
  for (const id of ['pid', 'rss', 'pss', 'uss', 'command']) assert.ok(shown.some((c) => c.id === id), id);
});

test('the sort column never steps aside', () => {
  const { shown, hidden } = columnsForWidth(defaults, 80, 'shr');
  assert.ok(shown.some((c) => c.id === 'shr'));
  assert.ok(!hidden.some((c) => c.id === 'shr'));
  assert.ok(commandWidth(shown, 80) >= MIN_COMMAND_CELLS);
});

test('no command column: nothing to make room for', () => {
  const numbers = parseColumnList(PROCESS_COLUMNS, 'pid,rss,pss,shr,vss');
  assert.deepEqual(columnsForWidth(numbers, 20, 'pss').hidden, []);
});
