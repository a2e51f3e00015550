import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findColumn } from '../model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';
import { PROCESS_JSON_COLUMNS } from '../model/snapshot-json.js';
import { TREE_COLUMNS } from '../model/tree-columns.js';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { snapshotNeeds } from './snapshot-needs.js';

const column = (id: string) => findColumn(PROCESS_COLUMNS, id)!;
const defaults = DEFAULT_PROCESS_COLUMN_IDS.map(column);

test('JSON reads what every JSON field needs, and not the PEAK column\'s status (JSON leaves PEAK out)', () => {
  const needs = snapshotNeeds({ format: 'json', columns: defaults, sortColumn: column('pss') });
  for (const c of PROCESS_JSON_COLUMNS) for (const need of c.needs) assert.ok(needs.has(need), `${c.id} needs ${need}`);
  assert.equal(PROCESS_JSON_COLUMNS.some((c) => c.id === 'peak'), false);
  assert.equal(needs.has('peak'), false);
});

test('PEAK shown or sorted on is read, in every format', () => {
  assert.ok(snapshotNeeds({ format: 'json', columns: defaults, sortColumn: column('peak') }).has('peak'));
  assert.ok(snapshotNeeds({ format: 'table', columns: [...defaults, column('peak')], sortColumn: column('pss') }).has('peak'));
  assert.equal(snapshotNeeds({ format: 'csv', columns: defaults, sortColumn: column('pss') }).has('peak'), false);
});

test('the tree always reads smaps_rollup, the cgroup grouping the cgroup', () => {
  const pidOnly = [findColumn(TREE_COLUMNS, 'pid')!];
  assert.ok(snapshotNeeds({ format: 'table', columns: pidOnly, sortColumn: pidOnly[0], group: 'tree' }).has('rollup'));
  assert.ok(snapshotNeeds({ format: 'json', columns: defaults, sortColumn: column('pss'), group: 'cgroup' }).has('cgroup'));
});

test('a JSON snapshot of the live /proc reads status only where smaps_rollup gives no sizes (counted)', () => {
  const needs = snapshotNeeds({ format: 'json', columns: defaults, sortColumn: column('pss') });
  const sample = new Sampler({ procfs: new ProcFs('/proc'), exact: true, needs }).sample();
  // Status stands in for a refused or missing rollup; a zombie leader's VmSize comes from a live thread's.
  const withoutRollup = sample.processes.filter((p) => p.pssBytes === null || p.state === 'Z').length;
  assert.ok(sample.processes.length > 0);
  assert.ok(sample.stats.reads.status <= withoutRollup, `${sample.stats.reads.status} status reads, ${withoutRollup} processes without a rollup`);
  const own = sample.processes.find((p) => p.pid === process.pid)!;
  assert.ok(own.pssBytes !== null && own.rssBytes !== null && own.uid === process.getuid!(), 'our own figures come from the rollup and the owner');
});
