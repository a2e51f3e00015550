/**
 * Which files readProcess opens on a live procfs, where the owner of /proc/PID is the uid
 * (status is then needed only when there is no rollup), and on a copy of /proc, where status
 * gives the uid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import { UserNames } from './user-names.js';
import { procBasic } from '../../test/helpers/paths.js';
import { generateProcTree } from '../../test/helpers/proc-tree.js';

test('live: status is read only for the processes whose rollup was refused; the uid is the owner of the /proc/PID directory', () => {
  const procfs = new ProcFs('/proc');
  const sample = new Sampler({ procfs, exact: true, readDetail: true }).sample();
  const withoutRollup = sample.processes.filter((p) => !p.kernelThread && p.state !== 'Z' && p.pssBytes === null);
  // A process that exits mid-read may have had its status read and then be left out.
  assert.ok(sample.stats.statusReads >= withoutRollup.length, `${sample.stats.statusReads} status reads, ${withoutRollup.length} without rollup`);
  assert.ok(sample.stats.statusReads <= withoutRollup.length + sample.stats.gone);
  const self = sample.processes.find((p) => p.pid === process.pid);
  assert.ok(self, 'memtop sees itself');
  assert.equal(self.uid, process.geteuid!());
  assert.notEqual(self.shrBytes, null);
  for (const p of sample.processes) assert.notEqual(p.uid, null, `pid ${p.pid} has a uid`);
});

test('live: without the detail columns status gives SHR, RSS and swap', () => {
  const sample = new Sampler({ procfs: new ProcFs('/proc'), exact: true, readDetail: false }).sample();
  const self = sample.processes.find((p) => p.pid === process.pid)!;
  assert.equal(self.pssBytes, null);
  assert.ok(self.rssBytes! > 0 && self.shrBytes! > 0 && self.swapBytes !== null);
  assert.ok(sample.stats.statusReads >= sample.processes.filter((p) => !p.kernelThread).length - sample.stats.gone);
});

test('a copy of /proc: every process\'s status is read, for its uid', (t) => {
  const users = new UserNames(new Map([[0, 'root']]));
  const basic = new Sampler({ procfs: new ProcFs(procBasic), exact: true, users }).sample();
  assert.equal(basic.stats.statusReads, basic.processes.length);
  const tree = generateProcTree(50);
  t.after(() => tree.remove());
  const sample = new Sampler({ procfs: new ProcFs(tree.root), exact: true, users }).sample();
  assert.equal(sample.stats.statusReads, 50);
  const uids = new Map(sample.processes.map((p) => [p.pid, p.uid]));
  assert.deepEqual(tree.processes.map((p) => uids.get(p.pid)), tree.processes.map((p) => p.uid));
  assert.ok(new Set(uids.values()).size > 1, 'the tree has processes of several users');
});
