import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectProcesses } from './process-filter.js';
import type { ProcessSample } from '../sampler/sample.js';

function proc(pid: number, comm: string, user: string, uid: number, kernelThread = false, cmdline = ''): ProcessSample {
  return {
    pid, ppid: 1, uid, user, state: 'S', threads: 1, startTimeTicks: pid, startTimeMs: 0, comm, cmdline,
    vssBytes: 0, rssBytes: 0, shrBytes: 0, pssBytes: 0, ussBytes: 0, swapBytes: 0, swapPssBytes: 0, peakRssBytes: 0,
    cpuTicks: 0, cpuPercent: 0, kernelThread, pssReadAtMs: 0, denied: [], cmdlineTruncated: false, cgroupPath: null,
  };
}

const all = [
  proc(1, 'init', 'root', 0), proc(2, 'kthreadd', 'root', 0, true),
  proc(100, 'firefox', 'alice', 1000, false, '/usr/lib/firefox/firefox -contentproc'),
  proc(200, 'bash', 'bob', 1001, false, '-bash'),
];
const pids = (list: ProcessSample[]) => list.map((p) => p.pid);

test('kernel threads are hidden unless asked for', () => {
  assert.deepEqual(pids(selectProcesses(all, {})), [1, 100, 200]);
  assert.deepEqual(pids(selectProcesses(all, { kernel: true })), [1, 2, 100, 200]);
});

test('by PID list, user name or uid, and a pattern on comm or command line', () => {
  assert.deepEqual(pids(selectProcesses(all, { pids: [100, 200, 999] })), [100, 200]);
  assert.deepEqual(pids(selectProcesses(all, { user: 'alice' })), [100]);
  assert.deepEqual(pids(selectProcesses(all, { user: '1001' })), [200]);
  assert.deepEqual(pids(selectProcesses(all, { user: '0' })), [1], 'a uid is compared as a number');
  assert.deepEqual(pids(selectProcesses(all, { filter: /contentproc/i })), [100]);
  assert.deepEqual(pids(selectProcesses(all, { filter: /^BASH$/i })), [200]);
  assert.deepEqual(pids(selectProcesses(all, { user: 'alice', filter: /bash/ })), []);
});
