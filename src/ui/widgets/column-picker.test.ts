import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColumnPicker } from './column-picker.js';
import { PROCESS_COLUMNS } from '../../model/process-columns.js';
import { parseColumnList, type Column } from '../../model/column.js';
import type { ProcessSample } from '../../sampler/sample.js';

function picker(shownIds: string) {
  let applied: string[] | null = null;
  const p = new ColumnPicker(PROCESS_COLUMNS, parseColumnList(PROCESS_COLUMNS, shownIds), (columns: Column<ProcessSample>[]) => {
    applied = columns.map((c) => c.id);
    return {};
  });
  return { p, applied: () => applied };
}

test('the list starts with the shown columns in their order; Enter applies them so', () => {
  const { p, applied } = picker('uss,pid,command');
  p.onKey(undefined, 'enter');
  assert.deepEqual(applied(), ['uss', 'pid', 'command']);
});

test('] and F8 move a column down, [ and F7 up; Space adds one where it stands', () => {
  const { p, applied } = picker('pid,user,pss');
  p.onKey(']', undefined); // pid below user
  p.onKey(undefined, 'f8'); // and below pss
  p.onKey(undefined, 'down'); // the first hidden column
  p.onKey(' ', 'space');
  p.onKey('[', undefined); // moved above pid
  p.onKey(undefined, 'f7'); // and above pss
  p.onKey(undefined, 'enter');
  const added = PROCESS_COLUMNS.find((c) => !['pid', 'user', 'pss'].includes(c.id))!.id;
  assert.deepEqual(applied(), ['user', added, 'pss', 'pid']);
});

test('a move past either end does nothing', () => {
  const { p, applied } = picker('pid,user');
  p.onKey('[', undefined);
  p.onKey(undefined, 'enter');
  assert.deepEqual(applied(), ['pid', 'user']);
});
