/**
 * Which files readProcess opens on a live procfs, where the owner of /proc/PID is the uid
 * (status is then needed only when there is no rollup), and on a copy of /proc, where status
 * gives the uid.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../../../src/proc/procfs.js';
import { Sampler } from '../../../src/sampler/sampler.js';
import { UserNames } from '../../../src/sampler/user-names.js';
import { procBasic } from '../../helpers/paths.js';
import { generateProcTree } from '../../helpers/proc-tree.js';
import type { ProcessSample, Sample } from '../../../src/sampler/sample.js';
import { startMemhog } from '../../helpers/live-helpers.js';
import type { ReadNeed } from '../../../src/sampler/read-needs.js';

const WITH_ROLLUP = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline']);
const WITHOUT_ROLLUP = new Set<ReadNeed>(['stat', 'status', 'cmdline']);

/** A zombie with no thread left has no memory to read (zombies and Zl processes come and go on any machine). */
const hasNoMemory = (p: ProcessSample) => p.kernelThread || (p.state === 'Z' && p.threads <= 1);
/** A zombie leader with threads left (Zl): its VSS comes from a live thread's status. */
const leaderExited = (p: ProcessSample) => p.state === 'Z' && p.threads > 1;

/** A zombie and a process whose leader exited, so that both cases are on the machine when the live tests sample it. */
async function startOddProcesses(t: TestContext): Promise<{ zombie: number; leaderless: number }> {
  const zombie = await startMemhog(['zombie']);
  t.after(() => zombie.stop());
  const leaderless = await startMemhog(['leaderless', '1']);
  t.after(() => leaderless.stop());
  return { zombie: zombie.pids[1], leaderless: leaderless.pids[0] };
}

function assertOddProcessesSeen(sample: Sample, odd: { zombie: number; leaderless: number }): void {
  const byPid = new Map(sample.processes.map((p) => [p.pid, p]));
  assert.equal(byPid.get(odd.zombie)?.state, 'Z', 'the zombie is in the sample');
  assert.ok(leaderExited(byPid.get(odd.leaderless)!), 'the process whose leader exited is in the sample');
}

test('live: status is read only for the processes whose rollup was refused; the uid is the owner of the /proc/PID directory', async (t) => {
  const odd = await startOddProcesses(t);
  const procfs = new ProcFs('/proc');
  const sample = new Sampler({ procfs, exact: true, needs: WITH_ROLLUP }).sample();
  assertOddProcessesSeen(sample, odd);
  const needStatus = sample.processes.filter((p) => !hasNoMemory(p) && (p.pssBytes === null || leaderExited(p)));
  // A process that exits mid-read may have had its status read and then be left out.
  assert.ok(sample.stats.reads.status >= needStatus.length, `${sample.stats.reads.status} status reads, ${needStatus.length} without rollup or leader`);
  assert.ok(sample.stats.reads.status <= needStatus.length + sample.stats.gone);
  const self = sample.processes.find((p) => p.pid === process.pid);
  assert.ok(self, 'memtop sees itself');
  assert.equal(self.uid, process.geteuid!());
  assert.notEqual(self.shrBytes, null);
  for (const p of sample.processes) assert.notEqual(p.uid, null, `pid ${p.pid} has a uid`);
});

test('live: without the detail columns status gives SHR, RSS and swap', async (t) => {
  const odd = await startOddProcesses(t);
  const sample = new Sampler({ procfs: new ProcFs('/proc'), exact: true, needs: WITHOUT_ROLLUP }).sample();
  assertOddProcessesSeen(sample, odd);
  const self = sample.processes.find((p) => p.pid === process.pid)!;
  assert.equal(self.pssBytes, null);
  assert.ok(self.rssBytes! > 0 && self.shrBytes! > 0 && self.swapBytes !== null);
  assert.ok(sample.stats.reads.status >= sample.processes.filter((p) => !hasNoMemory(p)).length - sample.stats.gone);
});

test('a copy of /proc: every process\'s status is read, for its uid', (t) => {
  const users = new UserNames(new Map([[0, 'root']]));
  const basic = new Sampler({ procfs: new ProcFs(procBasic), exact: true, users }).sample();
  assert.equal(basic.stats.reads.status, basic.processes.length);
  const tree = generateProcTree(50);
  t.after(() => tree.remove());
  const sample = new Sampler({ procfs: new ProcFs(tree.root), exact: true, users }).sample();
  assert.equal(sample.stats.reads.status, 50);
  const uids = new Map(sample.processes.map((p) => [p.pid, p.uid]));
  assert.deepEqual(tree.processes.map((p) => uids.get(p.pid)), tree.processes.map((p) => p.uid));
  assert.ok(new Set(uids.values()).size > 1, 'the tree has processes of several users');
});
