/**
 * The JSON contract of issue 2, checked on the real output: every key the issue names, in
 * order, and the few documented additions; sizes in bytes (integers), unknown values null.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procBasic } from '../helpers/paths.js';
import { memtopJson } from '../helpers/run-memtop.js';
import { fixtureProcesses } from '../fixtures/fixture-tree.js';
import type { MapsJson, SnapshotJson, SystemJson } from '../helpers/snapshot-types.js';

const roles = fixtureProcesses();

const PROCESS_KEYS = ['pid', 'ppid', 'uid', 'user', 'comm', 'cmdline', 'state', 'threads', 'vss', 'rss', 'shr', 'pss',
  'uss', 'swap', 'swapPss', 'cpu', 'kernelThread', 'denied', 'invalid'];
const MAPPING_KEYS = ['start', 'end', 'perms', 'offset', 'device', 'inode', 'path', 'kind', 'size', 'rss', 'pss', 'uss',
  'shared', 'dirty', 'swap', 'swapPss', 'locked'];
const FREE_KEYS = ['total', 'used', 'free', 'shared', 'buffCache', 'available', 'swapTotal', 'swapUsed', 'swapFree'];
const VMSTAT_KEYS = ['r', 'b', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st'];
const PRESSURE_LINE_KEYS = ['avg10', 'avg60', 'avg300', 'total'];

function isBytes(value: unknown): boolean {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
}

test('snapshot --json: { time, system, processes: [ the issue\'s keys, in order ] }', () => {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', procBasic]);
  assert.deepEqual(Object.keys(json), ['time', 'system', 'processes']);
  assert.ok(!Number.isNaN(Date.parse(json.time)));
  for (const p of json.processes!) {
    assert.deepEqual(Object.keys(p), PROCESS_KEYS, `keys of ${p.pid}`);
    for (const key of ['vss', 'rss', 'shr', 'pss', 'uss', 'swap', 'swapPss'] as const) assert.ok(isBytes(p[key]), `${p.pid} ${key}: ${p[key]}`);
    assert.ok(Array.isArray(p.denied));
  }
  const init = json.processes!.find((p) => p.pid === roles.init)!;
  assert.deepEqual([init.pss, init.uss, init.swapPss, init.denied], [null, null, null, ['smaps_rollup']]);
  assert.deepEqual(Object.keys(json.system.free), FREE_KEYS);
});

test('snapshot --json --totals and --group: the totals and groups carry the same sums', () => {
  const totals = memtopJson<SnapshotJson>(['snapshot', '--json', '--totals', '--proc', procBasic]);
  assert.deepEqual(Object.keys(totals), ['time', 'system', 'processes', 'totals']);
  const groups = memtopJson<SnapshotJson>(['snapshot', '--json', '--group', 'user', '--proc', procBasic]);
  assert.deepEqual(Object.keys(groups), ['time', 'system', 'groupBy', 'groups']);
  // threads: THR sums over a group, as every column whose aggregate is 'sum' (an addition).
  assert.deepEqual(Object.keys(groups.groups![0]), ['user', 'count', 'threads', 'vss', 'rss', 'shr', 'pss', 'uss', 'swap', 'swapPss', 'cpu', 'unknown']);
});

test('maps PID --json: { pid, comm, mappings: [ the issue\'s keys ], totals }', () => {
  const json = memtopJson<MapsJson>(['maps', String(roles.memhog), '--json', '--proc', procBasic]);
  assert.deepEqual(Object.keys(json), ['pid', 'comm', 'mappings', 'totals']);
  assert.equal(json.pid, roles.memhog);
  for (const m of json.mappings) {
    assert.deepEqual(Object.keys(m), MAPPING_KEYS);
    for (const key of ['size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked'] as const) assert.ok(isBytes(m[key]));
    assert.match(m.start, /^[0-9a-f]+$/);
  }
  assert.deepEqual(Object.keys(json.totals), ['count', ...MAPPING_KEYS.slice(MAPPING_KEYS.indexOf('size'))]);
});

test('system --json: { meminfo, free, vmstat, pressure: { some, full } }', () => {
  const json = memtopJson<SystemJson>(['system', '--json', '--interval', '0.1', '--proc', procBasic]);
  assert.deepEqual(Object.keys(json), ['meminfo', 'free', 'vmstat', 'pressure']);
  assert.deepEqual(Object.keys(json.free), FREE_KEYS);
  assert.deepEqual(Object.keys(json.vmstat), VMSTAT_KEYS);
  assert.deepEqual(Object.keys(json.pressure!), ['some', 'full']);
  assert.deepEqual(Object.keys(json.pressure!.some!), PRESSURE_LINE_KEYS);
  assert.ok(isBytes(json.meminfo.MemTotal) && json.meminfo.MemTotal > 0);
});
