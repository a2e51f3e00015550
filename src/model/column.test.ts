import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnNeeds, compareValues, findColumn, parseColumnList, UnknownColumnError } from './column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from './process-columns.js';
import { MAPPING_COLUMNS } from './mapping-columns.js';
import { processRecord } from '../../test/helpers/process-record.js';

test('column ids are unique and the defaults exist', () => {
  for (const table of [PROCESS_COLUMNS, MAPPING_COLUMNS]) {
    const ids = table.map((c) => c.id.toLowerCase());
    assert.equal(new Set(ids).size, ids.length);
  }
  for (const id of DEFAULT_PROCESS_COLUMN_IDS) assert.ok(findColumn(PROCESS_COLUMNS, id), id);
});

test('a column list is parsed case-insensitively; an unknown id names the valid ones', () => {
  assert.deepEqual(parseColumnList(PROCESS_COLUMNS, 'pid, PSS,uss').map((c) => c.id), ['pid', 'pss', 'uss']);
  assert.throws(() => parseColumnList(PROCESS_COLUMNS, 'pid,nosuch'), (err: unknown) => {
    assert.ok(err instanceof UnknownColumnError);
    assert.match(err.message, /unknown column 'nosuch'; valid columns: pid, ppid, uid, user/);
    return true;
  });
  assert.throws(() => parseColumnList(PROCESS_COLUMNS, ' , '), UnknownColumnError);
});

test('only PSS-like columns make the sampler read smaps_rollup', () => {
  assert.equal(columnNeeds(parseColumnList(PROCESS_COLUMNS, 'pid,rss,vss,shr,swap,cpu,command')).has('rollup'), false);
  assert.deepEqual([...columnNeeds(parseColumnList(PROCESS_COLUMNS, 'pid,uss,command'))].sort(), ['cmdline', 'rollup', 'stat']);
});

test('unknown values sort last in both directions', () => {
  const values = [3, null, 10, 1];
  assert.deepEqual([...values].sort((a, b) => compareValues(a, b, true)), [10, 3, 1, null]);
  assert.deepEqual([...values].sort((a, b) => compareValues(a, b, false)), [1, 3, 10, null]);
  assert.deepEqual(['b', 'a', null].sort((a, b) => compareValues(a, b, false)), ['a', 'b', null]);
});

test('PSSAGE: the age of a PSS reading, unknown where the PSS is (refused: no figure to be old)', () => {
  const age = findColumn(PROCESS_COLUMNS, 'pssage')!;
  const context = { memTotalBytes: 1, nowEpochMs: 0, sampleMonotonicMs: 5_000 };
  assert.equal(age.value(processRecord({ pid: 10, pssBytes: 1024, pssReadAtMs: 2_000 }), context), 3_000);
  assert.equal(age.value(processRecord({ pid: 1, pssBytes: null, pssReadAtMs: 5_000, denied: ['smaps_rollup'] }), context), null);
  assert.equal(age.value(processRecord({ pid: 11, pssBytes: 1024, pssReadAtMs: null }), context), null);
});
