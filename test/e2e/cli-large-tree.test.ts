/**
 * The command line on a generated tree of 10,000 processes (test/helpers/proc-tree.ts, written
 * at test time, not committed): all are listed, every figure is right, totals and groups add up,
 * and the refused ones stay unknown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateProcTree, PROGRAMS, type GeneratedTree } from '../helpers/proc-tree.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';

const COUNT = 10_000;
let tree: GeneratedTree;

before(() => {
  tree = generateProcTree(COUNT);
});
after(() => tree?.remove());

test('snapshot --json lists all 10,000 processes with their exact figures', () => {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', tree.root]);
  assert.equal(json.processes!.length, COUNT);
  assert.equal(json.system.processCount, COUNT);
  const byPid = new Map(json.processes!.map((p) => [p.pid, p]));
  for (const expected of tree.processes) {
    const p = byPid.get(expected.pid);
    assert.ok(p, `pid ${expected.pid} listed`);
    assert.deepEqual(
      { comm: p.comm, uid: p.uid, vss: p.vss, rss: p.rss, shr: p.shr, pss: p.pss, uss: p.uss, swap: p.swap, swapPss: p.swapPss },
      { comm: expected.comm, uid: expected.uid, vss: expected.vssBytes, rss: expected.rssBytes, shr: expected.shrBytes, pss: expected.pssBytes, uss: expected.ussBytes, swap: expected.swapBytes, swapPss: expected.swapPssBytes },
      `pid ${expected.pid}`);
    assert.deepEqual(p.denied, expected.pssBytes === null ? ['smaps_rollup'] : []);
  }
});

test('--interval over 10,000 processes (two samples, on one thread): the same processes and figures, CPU% 0', () => {
  const once = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', tree.root]);
  const twice = memtopJson<SnapshotJson>(['snapshot', '--json', '--interval', '0.1', '--proc', tree.root]);
  assert.equal(twice.processes!.length, COUNT);
  // A copy of /proc does not move between the samples: the CPU% between them is 0.
  assert.deepEqual(twice.processes!.map((p) => ({ ...p, cpu: 0 })), once.processes!.map((p) => ({ ...p, cpu: 0 })));
  assert.ok(twice.processes!.every((p) => p.cpu === 0));
});

test('--totals over 10,000 processes: known values summed, the 10 refused ones counted as unknown', () => {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--totals', '--limit', '1', '--proc', tree.root]);
  assert.equal(json.processes!.length, 1);
  const all = memtopJson<SnapshotJson>(['snapshot', '--json', '--totals', '--proc', tree.root]).totals!;
  const sum = (get: (p: GeneratedTree['processes'][number]) => number | null) =>
    tree.processes.reduce((total, p) => total + (get(p) ?? 0), 0);
  const refused = tree.processes.filter((p) => p.pssBytes === null).length;
  assert.equal(refused, 10);
  assert.equal(all.count, COUNT);
  assert.equal(all.pss, sum((p) => p.pssBytes));
  assert.equal(all.uss, sum((p) => p.ussBytes));
  assert.equal(all.rss, sum((p) => p.rssBytes));
  assert.equal(all.vss, sum((p) => p.vssBytes));
  assert.equal(all.swap, sum((p) => p.swapBytes));
  assert.deepEqual(all.unknown, { pss: refused, uss: refused, swapPss: refused });
});

test('--group program and --group user over 10,000 processes', () => {
  const programs = memtopJson<SnapshotJson>(['snapshot', '--json', '--group', 'program', '--proc', tree.root]).groups!;
  assert.equal(programs.length, PROGRAMS);
  for (const g of programs) assert.equal(g.count, COUNT / PROGRAMS, String(g.program));
  const worker7 = programs.find((g) => g.program === 'worker7')!;
  assert.equal(worker7.rss, tree.processes.filter((p) => p.comm === 'worker7').reduce((s, p) => s + p.rssBytes, 0));

  const users = memtopJson<SnapshotJson>(['snapshot', '--json', '--group', 'user', '--proc', tree.root]).groups!;
  assert.deepEqual(users.map((g) => g.count).sort(), [COUNT / 2, COUNT / 2]);
  assert.equal(users.reduce((s, g) => s + (g.pss ?? 0), 0), tree.processes.reduce((s, p) => s + (p.pssBytes ?? 0), 0));
});

test('table and CSV over 10,000 processes', () => {
  const csv = runMemtop(['snapshot', '--csv', '--proc', tree.root]);
  assert.equal(csv.status, 0);
  assert.equal(csv.stdout.trimEnd().split('\n').length, COUNT + 1);
  const table = runMemtop(['snapshot', '--limit', '3', '--totals', '--proc', tree.root]);
  const lines = table.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[4], /^total .*\(3 processes\)$/);
});
