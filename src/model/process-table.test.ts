import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { procBasic } from '../../test/helpers/paths.js';
import { findColumn } from './column.js';
import { PROCESS_COLUMNS } from './process-columns.js';
import { processTable } from './process-table.js';
import { Store } from './store.js';
import { processRows } from '../ui/views/process-rows.js';
import type { ProcessSample } from '../sampler/sample.js';

const sample = new Sampler({ procfs: new ProcFs(procBasic), exact: true, needs: new Set(['stat', 'status', 'rollup', 'cmdline']) }).sample();
const byPss = { column: findColumn(PROCESS_COLUMNS, 'pss')!, descending: true };

test('rows are the selected processes sorted by the sort column, unknowns last, ties by PID', () => {
  const { rows, listedCount } = processTable(sample, { selection: {}, sort: byPss });
  assert.equal(listedCount, sample.processes.length);
  assert.ok(rows.length > 1 && rows.every((p) => !p.kernelThread), 'kernel threads hidden unless asked for');
  const known = rows.filter((p) => p.pssBytes !== null);
  for (let i = 1; i < known.length; i++) {
    const [a, b] = [known[i - 1], known[i]];
    assert.ok(a.pssBytes! > b.pssBytes! || (a.pssBytes === b.pssBytes && a.pid < b.pid), `${a.pid} before ${b.pid}`);
  }
  assert.deepEqual(rows.slice(known.length).map((p) => p.pssBytes), rows.slice(known.length).map(() => null));
});

test('the limit keeps the first rows; the live filter matches comm or command line, case-insensitively', () => {
  const all = processTable(sample, { selection: {}, sort: byPss }).rows;
  assert.deepEqual(processTable(sample, { selection: {}, sort: byPss, limit: 2 }).rows, all.slice(0, 2));
  const comm = all[0].comm;
  const filtered = processTable(sample, { selection: {}, sort: byPss, filterText: comm.toUpperCase() }).rows;
  assert.ok(filtered.length >= 1 && filtered.every((p: ProcessSample) => p.comm.toLowerCase().includes(comm.toLowerCase()) || p.cmdline.toLowerCase().includes(comm.toLowerCase())));
});

test('the Processes view shows exactly the model\'s table (the rows memtop snapshot prints)', () => {
  const store = new Store();
  store.push(sample);
  const query = { selection: { kernel: true }, filterText: '', sort: byPss };
  assert.deepEqual(processRows(store, query).rows, processTable(sample, query).rows);
});
