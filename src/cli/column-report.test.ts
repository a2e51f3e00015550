import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvReport, humanReport, type ColumnReport } from './column-report.js';
import { aggregateTotals, deniedNote, partialNote } from './snapshot-notes.js';
import { parseColumnList } from '../model/column.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';
import { aggregateProcesses } from '../model/process-aggregate.js';
import type { ProcessSample } from '../sampler/sample.js';
import { processRecord } from '../../test/helpers/process-record.js';

const KIB = 1024;
const context = { memTotalBytes: 1024 * 1024 * KIB, nowEpochMs: 0 };
const rows = [
  processRecord({ pid: 7, comm: 'evil', cmdline: 'evil \x1b[2J\x07, "quoted"\nnext', rssBytes: 2048 * KIB, pssBytes: 1024 * KIB }),
  processRecord({ pid: 1, comm: 'init', cmdline: '/sbin/init', rssBytes: 512 * KIB, pssBytes: null, ussBytes: null, swapPssBytes: null, denied: ['smaps_rollup'] }),
];

function report(withTotals: boolean): ColumnReport<ProcessSample> {
  const total = aggregateProcesses('total', rows);
  return {
    columns: parseColumnList(PROCESS_COLUMNS, 'pid,rss,pss,command'), rows, context,
    totals: withTotals ? aggregateTotals(total, context, 'processes') : undefined,
  };
}

test('human table: unknown is "-", a partial total ends in "+", untrusted text is made visible', () => {
  const lines = humanReport(report(true)).trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^\s*7 2\.0M\s+1\.0M evil \\x1b\[2J\\x07, "quoted"\\x0anext$/);
  assert.match(lines[2], /^\s*1 512K\s+- \/sbin\/init$/);
  assert.match(lines[3], /^total 2\.5M 1\.0M\+ \(2 processes\)$/);
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

test('notes explain "-" and "+"', () => {
  assert.match(deniedNote(rows)!, /^smaps_rollup refused for 1 of 2 processes .*shown as -$/);
  assert.equal(deniedNote([rows[0]]), null);
  assert.match(partialNote([aggregateProcesses('total', rows)])!, /\+ leaves out .*\(pss, uss, swapPss\)/);
  assert.equal(partialNote([aggregateProcesses('total', [rows[0]])]), null);
});
