import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processRecord } from '../../test/helpers/process-record.js';
import { topGroups, topProcesses, totalOf } from './process-selection.js';

const context = { memTotalBytes: 1 << 30, nowEpochMs: 0 };
const MIB = 1 << 20;

const processes = [
  processRecord({ pid: 1, comm: 'init', pssBytes: null, ussBytes: null, rssBytes: 50 * MIB, cgroupPath: '/' }),
  processRecord({ pid: 2, comm: 'kthreadd', kernelThread: true, pssBytes: null, rssBytes: null }),
  processRecord({ pid: 10, comm: 'db', pssBytes: 30 * MIB, rssBytes: 40 * MIB, cgroupPath: '/db' }),
  processRecord({ pid: 11, comm: 'db', pssBytes: 20 * MIB, rssBytes: 40 * MIB, cgroupPath: '/db' }),
  processRecord({ pid: 12, comm: 'web', pssBytes: 45 * MIB, rssBytes: 45 * MIB, cgroupPath: null }),
  processRecord({ pid: 13, comm: 'other', pssBytes: null, rssBytes: 60 * MIB, cgroupPath: '/x' }),
];

test('the largest by PSS first; unknown PSS after every known one (by RSS); no kernel threads', () => {
  assert.deepEqual(topProcesses(processes, 10).map((p) => p.pid), [12, 10, 11, 13, 1]);
  assert.deepEqual(topProcesses(processes, 2).map((p) => p.pid), [12, 10]);
  assert.deepEqual(topProcesses(processes, 0), []);
});

test('groups sum their members and are cut to the largest; a process without a key is in none', () => {
  const programs = topGroups(processes, (p) => p.comm, context, 2);
  assert.deepEqual(programs.map((g) => [g.key, g.count, g.sums.pss]), [['db', 2, 50 * MIB], ['web', 1, 45 * MIB]]);
  const cgroups = topGroups(processes, (p) => p.cgroupPath, context, 10);
  assert.deepEqual(cgroups.map((g) => g.key), ['/db', '/x', '/']);
  assert.equal(cgroups.find((g) => g.key === '/x')!.sums.pss, null, 'unknown stays unknown, not 0');
});

test('the total counts every process but kernel threads, and says how many PSS figures it lacks', () => {
  const total = totalOf(processes, context);
  assert.equal(total.count, 5);
  assert.equal(total.sums.pss, 95 * MIB);
  assert.equal(total.unknown.pss, 2);
});
