import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupProcesses } from './group-processes.js';
import { groupColumns, defaultGroupColumnIds } from './group-columns.js';
import { findColumn } from './column.js';
import { processRecord } from '../../test/helpers/process-record.js';

const context = { memTotalBytes: 110000, nowEpochMs: 0 };
const processes = [
  processRecord({ pid: 10, comm: 'postgres', user: 'postgres', uid: 100, pssBytes: 1000, rssBytes: 4000 }),
  processRecord({ pid: 11, comm: 'postgres', user: 'postgres', uid: 100, pssBytes: 500, rssBytes: 4000 }),
  processRecord({ pid: 12, comm: 'bash', user: 'ann', uid: 1000, pssBytes: 300, rssBytes: 900 }),
  processRecord({ pid: 13, comm: 'postgres', user: 'ann', uid: 1000, pssBytes: null, ussBytes: null, rssBytes: 3000 }),
];

test('--group program sums the processes of one command name (like ps_mem)', () => {
  const groups = groupProcesses(processes, 'program', context);
  assert.deepEqual(groups.map((g) => [g.key, g.count]), [['postgres', 3], ['bash', 1]]);
  const postgres = groups[0];
  assert.equal(postgres.sums.pss, 1500);
  assert.equal(postgres.unknown.pss, 1);
  assert.equal(postgres.sums.rss, 11000);
});

test('--group user sums per user (like smem -u)', () => {
  const groups = groupProcesses(processes, 'user', context);
  assert.deepEqual(groups.map((g) => [g.key, g.count, g.sums.pss]), [['postgres', 2, 1500], ['ann', 2, 300]]);
});

test('grouped columns: the key column is named after the grouping, and the defaults exist', () => {
  for (const by of ['program', 'user'] as const) {
    const columns = groupColumns(by);
    assert.equal(columns[0].id, by);
    for (const id of defaultGroupColumnIds(by)) assert.ok(findColumn(columns, id), `${by}: ${id}`);
  }
  const [postgres] = groupProcesses(processes, 'program', context);
  const mem = findColumn(groupColumns('program'), 'mem')!;
  assert.ok(Math.abs((mem.value(postgres, context) as number) - 10) < 1e-9, 'summed RSS as a share of MemTotal');
  assert.equal(findColumn(groupColumns('program'), 'count')!.value(postgres, { memTotalBytes: 0, nowEpochMs: 0 }), 3);
});

test('--group cgroup: one row per memory cgroup, a process whose cgroup is unknown under "?"; charges matched by path', async () => {
  const { withCharges } = await import('./cgroup-columns.js');
  const inCgroups = [
    processRecord({ pid: 20, cgroupPath: '/system.slice/nginx.service', pssBytes: 100 }),
    processRecord({ pid: 21, cgroupPath: '/system.slice/nginx.service', pssBytes: 50 }),
    processRecord({ pid: 22, cgroupPath: null, pssBytes: 7 }),
  ];
  const groups = groupProcesses(inCgroups, 'cgroup', context);
  assert.deepEqual(groups.map((g) => [g.key, g.count, g.sums.pss]), [['/system.slice/nginx.service', 2, 150], ['?', 1, 7]]);
  const charge = { path: '/system.slice/nginx.service', version: 2 as const, usageBytes: 5000, limitBytes: null, failcnt: null, oomEvents: 1, oomKills: 1, pressure: null };
  const rows = withCharges(groups, [charge]);
  const columns = groupColumns('cgroup');
  assert.equal(findColumn(columns, 'charge')!.value(rows[0], context), 5000);
  assert.equal(findColumn(columns, 'limit')!.value(rows[0], context), null, 'no limit');
  assert.equal(findColumn(columns, 'charge')!.value(rows[1], context), null, 'not read: unknown, not 0');
  assert.equal(findColumn(columns, 'name')!.value(rows[0], context), 'nginx.service');
  for (const id of defaultGroupColumnIds('cgroup')) assert.ok(findColumn(columns, id), id);
});
