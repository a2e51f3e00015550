import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvReport, humanReport, type ColumnReport } from './column-report.js';
import { aggregateTotals, deniedNote, partialInGroup, partialNote } from './snapshot-notes.js';
import { parseColumnList } from '../model/column.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';
import { aggregateProcesses, type ProcessAggregate } from '../model/process-aggregate.js';
import { groupColumns } from '../model/group-columns.js';
import type { ProcessSample } from '../sampler/sample.js';
import { processRecord } from '../../test/helpers/process-record.js';

const KIB = 1024;
const context = { memTotalBytes: 1024 * 1024 * KIB, nowEpochMs: 0 };
const rows = [
  processRecord({ pid: 7, comm: 'evil', cmdline: 'evil \x1b[2J\x07, "quoted"\nnext', rssBytes: 2048 * KIB, pssBytes: 1024 * KIB }),
  processRecord({ pid: 1, comm: 'init', cmdline: '/sbin/init', rssBytes: 512 * KIB, pssBytes: null, ussBytes: null, swapPssBytes: null, denied: ['smaps_rollup'] }),
];

function report(withTotals: boolean): ColumnReport<ProcessSample> {
  const total = aggregateProcesses('total', rows, context);
  return {
    columns: parseColumnList(PROCESS_COLUMNS, 'pid,rss,pss,command'), rows, context,
    totals: withTotals ? aggregateTotals(total, 'processes') : undefined,
  };
}

test('human table: unknown is "-", a partial total ends in "+", untrusted text is made visible', () => {
  const lines = humanReport(report(true)).trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^\s*7 2\.00M\s+1\.00M evil \\x1b\[2J\\x07, "quoted"\\x0anext$/);
  assert.match(lines[2], /^\s*1 +512K\s+- \/sbin\/init$/);
  assert.match(lines[3], /^total 2\.50M 1\.00M\+ \(2 processes\)$/);
  assert.doesNotMatch(lines.join('\n'), /[\x00-\x09\x0b-\x1f\x7f]/);
});

test('CSV: column ids as the header, raw bytes, empty for unknown, quoted text, a labelled partial total', () => {
  const lines = csvReport(report(true)).split('\n');
  assert.equal(lines[0], 'pid,rss,pss,command');
  assert.equal(lines[1], '7,2097152,1048576,"evil \\x1b[2J\\x07, ""quoted""\\x0anext"');
  assert.equal(lines[2], '1,524288,,/sbin/init');
  assert.equal(lines[3], 'total (partial: pss),2621440,1048576,(2 processes)');
  assert.equal(lines[4], '');
  assert.equal(lines.length, 5);
});

test('every chosen column summed: the totals label gets a column of its own, first, in the table and in CSV', () => {
  const total = aggregateProcesses('total', rows, context);
  const summed: ColumnReport<ProcessSample> = {
    columns: parseColumnList(PROCESS_COLUMNS, 'rss,pss'), rows, context, totals: aggregateTotals(total, 'processes'),
  };
  const table = humanReport(summed).trimEnd().split('\n');
  assert.deepEqual(table.map((l) => l.trim().split(/\s+/)), [['RSS', 'PSS'], ['2.00M', '1.00M'], ['512K', '-'], ['total', '2.50M', '1.00M+']]);
  assert.match(table[3], /^total /);
  const csv = csvReport(summed).split('\n');
  assert.deepEqual(csv, ['label,rss,pss', ',2097152,1048576', ',524288,', 'total (partial: pss),2621440,1048576', '']);
  // Without a totals row nothing changes.
  assert.equal(csvReport({ ...summed, totals: undefined }).split('\n')[0], 'rss,pss');
});

test('the process count goes in one text column of the totals row: the command, else comm; "1 process"', () => {
  const withIds = (ids: string, of = rows) => {
    const columns = parseColumnList(PROCESS_COLUMNS, ids);
    const shown = columns.map((c) => c.id);
    return csvReport({ columns, rows: of, context, totals: aggregateTotals(aggregateProcesses('total', of, context), 'processes', shown) }).trimEnd().split('\n').at(-1);
  };
  assert.equal(withIds('pid,comm,command'), 'total,,(2 processes)', 'the comm column left blank (not a fake comm)');
  assert.equal(withIds('pid,comm,pss'), 'total (partial: pss),(2 processes),1048576');
  assert.equal(withIds('pid,command', [rows[0]]), 'total,(1 process)');
});

test('the note on partial sums names the columns shown, mem (RSS\'s share) too', () => {
  const total = aggregateProcesses('total', [rows[0], processRecord({ pid: 9, rssBytes: null, pssBytes: null, ussBytes: null })], context);
  assert.match(partialNote([total], undefined, ['pid', 'rss', 'pss', 'mem', 'command'])!, /\(rss, pss, mem\): it is a lower bound$/);
});

test('CSV of grouped rows names each row\'s partial sums in a last column "partial"; the cells stay numbers', () => {
  const groups = [aggregateProcesses('root', rows, context), aggregateProcesses('alice', [rows[0]], context)];
  const total = aggregateProcesses('total', rows, context);
  const grouped: ColumnReport<ProcessAggregate> = {
    columns: parseColumnList(groupColumns('user'), 'user,count,rss,pss,uss'), rows: groups, context,
    partial: partialInGroup, totals: aggregateTotals(total, 'groups'),
  };
  const csv = csvReport(grouped).split('\n');
  assert.equal(csv[0], 'user,count,rss,pss,uss,partial');
  assert.equal(csv[1], 'root,2,2621440,1048576,0,pss uss');
  assert.equal(csv[2], 'alice,1,2097152,1048576,0,');
  assert.equal(csv[3], 'total,2,2621440,1048576,0,pss uss');
  assert.match(partialNote(groups, 'partial column')!, /^a sum named in the partial column leaves out .*\(pss, uss, swapPss\)/);
  assert.match(partialNote(groups, 'partial column', ['user', 'count', 'rss', 'pss', 'uss'])!, /\(pss, uss\): it is a lower bound$/, 'only the sums shown');
  assert.equal(partialNote(groups, undefined, ['user', 'rss']), null, 'no partial sum shown, no note');
  assert.match(humanReport(grouped), /\nroot +2 +2\.50M +1\.00M\+ +0B\+\n/);
});

test('notes explain "-" and "+"', () => {
  assert.match(deniedNote(rows)!, /^smaps_rollup refused for 1 of 2 processes .*shown as -$/);
  assert.equal(deniedNote([rows[0]]), null);
  assert.match(partialNote([aggregateProcesses('total', rows, context)])!, /\+ leaves out .*\(pss, uss, swapPss\)/);
  assert.equal(partialNote([aggregateProcesses('total', [rows[0]], context)]), null);
});
