/**
 * The read-ahead thread (read-ahead.ts) must change nothing but the time a sample takes: the same
 * records as a sample read on one thread, whether the thread serves all, some or none of the
 * processes (a file too large for its ring slot, a thread that stalls, one that never starts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import { UserNames } from './user-names.js';
import { ReadAhead, THREAD_SOURCE } from './read-ahead.js';
import { v8FlagsForThreads } from './v8-flags.js';
import { LAYOUT, readAheadPlan, sharedFor } from './read-ahead-layout.js';
import { readAheadThread } from './read-ahead-thread.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { generateProcTree, type GeneratedTree } from '../../test/helpers/proc-tree.js';
import type { Sample } from './sample.js';

const users = new UserNames(new Map([[0, 'root'], [65534, 'nobody']]));

function treeOf(count: number, t: { after(fn: () => void): void }): GeneratedTree {
  const tree = generateProcTree(count);
  t.after(() => tree.remove());
  return tree;
}

function plainSample(root: string): Sample {
  return new Sampler({ procfs: new ProcFs(root), clock: new FakeClock(), users, exact: true }).sample();
}

function aheadSampler(root: string): Sampler {
  return new Sampler({ procfs: new ProcFs(root), clock: new FakeClock(), users, exact: true, readAhead: true });
}

test('2,000 processes read ahead on a second thread: the same records and counts as read on one', async (t) => {
  const tree = treeOf(2000, t);
  // A command line longer than a ring slot: the thread leaves it, the sampler reads it.
  writeFileSync(join(tree.root, '150', 'cmdline'), `${'x'.repeat(3 * LAYOUT.SLOT_BYTES)}\0--long\0`);
  const plain = plainSample(tree.root);
  const procfs = new ProcFs(tree.root);
  const early = ReadAhead.start(procfs.root, procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'));
  await sleep(300); // the thread gets as far ahead as its ring lets it
  const sampler = aheadSampler(tree.root);
  sampler.adoptReadAhead(early);
  const sample = sampler.sample();
  assert.deepEqual(sample.processes, plain.processes);
  assert.deepEqual(sample.stats, plain.stats);
  assert.equal(sample.processes.length, 2000);
  assert.ok(sample.processes.find((p) => p.pid === 150)!.cmdline.endsWith(' --long'));
  const run = sampler.lastReadAhead!;
  assert.equal(run.served + run.readHere, 2000);
  assert.ok(run.served >= LAYOUT.SLOTS, `the thread served ${run.served}`);
  // Refused rollups (every 1000th process) came with their status: unknown PSS, known RSS.
  const refused = sample.processes.filter((p) => p.denied.length > 0);
  assert.equal(refused.length, 2);
  for (const p of refused) assert.ok(p.pssBytes === null && p.rssBytes !== null);
});

test('a thread started before its list waits for it: published 200 ms later, the same records', async (t) => {
  const tree = treeOf(600, t);
  const procfs = new ProcFs(tree.root);
  const run = ReadAhead.spawn(procfs.root, 1 << 16);
  await sleep(200);
  run.publish(procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'));
  await sleep(200);
  const sampler = aheadSampler(tree.root);
  sampler.adoptReadAhead(run);
  const sample = sampler.sample();
  assert.deepEqual(sample.processes, plainSample(tree.root).processes);
  assert.ok(sampler.lastReadAhead!.served > 0, 'the thread read after the list came');
  assert.throws(() => ReadAhead.spawn(procfs.root, 10).publish(procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup')), RangeError);
});

test('a thread stopped before it had a list ends without reading', async () => {
  const run = ReadAhead.spawn('/proc', 1024);
  await sleep(100);
  run.finish();
  assert.deepEqual([...run.order()], [], 'nothing to sample');
  // The thread's own code, run here: stopped with no list yet, it returns (a wait that ignored
  // STOP would never end, the list never comes) and has claimed nothing.
  const shared = sharedFor('/proc', 8);
  const require = createRequire(import.meta.url) as unknown as Parameters<typeof readAheadThread>[0];
  Atomics.store(shared.control, LAYOUT.STOP, 1);
  readAheadThread(require, shared);
  assert.deepEqual([...shared.states], new Array(8).fill(LAYOUT.FREE));
});

test('a thread that stalls in the middle of a process is given up after a second: the sampler reads it all', async (t) => {
  const tree = treeOf(400, t);
  const procfs = new ProcFs(tree.root);
  const pids = procfs.listPids();
  // Claims the first process and never finishes it.
  const stalling = `const { workerData: s } = require('node:worker_threads');
    Atomics.store(s.states, 0, s.layout.READING);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`;
  const run = ReadAhead.start(procfs.root, pids, readAheadPlan(procfs, true, 'smaps_rollup'), stalling);
  await sleep(200);
  const sampler = aheadSampler(tree.root);
  sampler.adoptReadAhead(run);
  const started = performance.now();
  const sample = sampler.sample();
  assert.ok(performance.now() - started >= 900, 'waited about a second for the stalled process');
  assert.deepEqual(sample.processes, plainSample(tree.root).processes);
  assert.deepEqual(sampler.lastReadAhead, { served: 0, readHere: 400 });
  assert.ok(run.stopped);
});

test('a thread that never starts reading costs nothing but the reads it did not do', (t) => {
  const tree = treeOf(400, t);
  const procfs = new ProcFs(tree.root);
  const run = ReadAhead.start(procfs.root, procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'), 'void 0');
  const sampler = aheadSampler(tree.root);
  sampler.adoptReadAhead(run);
  const sample = sampler.sample();
  assert.deepEqual(sample.processes, plainSample(tree.root).processes);
  assert.equal(sampler.lastReadAhead!.served + sampler.lastReadAhead!.readHere, 400);
});

test('flags left to the thread: set by the thread once it runs; set at finish() by this thread if it never ran, unless the run is dropped', async () => {
  // Harmless flags (V8's defaults), each looked for in this thread's list: only setV8Flag adds to it.
  const byThread = '--stack-trace-limit=10';
  const run = ReadAhead.spawn('/proc', 8, THREAD_SOURCE, [byThread]);
  for (let waitedMs = 0; !run.threadRunning && waitedMs < 30_000; waitedMs += 20) await sleep(20);
  assert.ok(run.threadRunning, 'the thread runs (waiting for its list)');
  run.finish();
  assert.ok(!v8FlagsForThreads().includes(byThread), 'the thread set it, this thread did not');
  const byThisThread = '--stack-trace-limit=11';
  const never = ReadAhead.spawn('/proc', 8, 'void 0', [byThisThread]);
  never.finish(false);
  assert.ok(!v8FlagsForThreads().includes(byThisThread), 'a dropped run leaves them');
  never.finish();
  assert.ok(v8FlagsForThreads().includes(byThisThread), 'set at finish()');
});

test('a run planned for other reads (no PSS wanted) or another root is stopped, not used', (t) => {
  const tree = treeOf(400, t);
  const procfs = new ProcFs(tree.root);
  const run = ReadAhead.start(procfs.root, procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'));
  const noPss = new Sampler({ procfs: new ProcFs(tree.root), clock: new FakeClock(), users, exact: true, readAhead: true, readDetail: false });
  noPss.adoptReadAhead(run);
  assert.ok(run.stopped);
  const other = ReadAhead.start('/proc', new ProcFs('/proc').listPids(), readAheadPlan(new ProcFs('/proc'), true, 'smaps_rollup'));
  aheadSampler(tree.root).adoptReadAhead(other);
  assert.ok(other.stopped);
  const sample = noPss.sample();
  assert.ok(sample.processes.every((p) => p.pssBytes === null && p.rssBytes !== null));
});

test('live /proc: a sample read ahead has every process whole, as one read on one thread', async () => {
  const procfs = new ProcFs('/proc');
  const early = ReadAhead.start(procfs.root, procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'));
  await sleep(500); // time enough for the thread to start, even on a slow machine
  const sampler = new Sampler({ procfs, exact: true, readAhead: true });
  sampler.adoptReadAhead(early);
  const sample = sampler.sample();
  const plain = new Sampler({ procfs: new ProcFs('/proc'), exact: true }).sample();
  const run = sampler.lastReadAhead!;
  assert.ok(run.served > 0, 'the thread served some processes');
  assert.equal(run.served + run.readHere, sample.stats.listed);
  const now = new Map(plain.processes.map((p) => [p.pid, p]));
  let compared = 0;
  for (const p of sample.processes) {
    const q = now.get(p.pid);
    if (q === undefined || q.startTimeTicks !== p.startTimeTicks) continue; // exited, or a new process
    if (p.kernelThread) continue; // a kworker's name tells what it works on right now
    compared++;
    assert.deepEqual([p.ppid, p.uid, p.user, p.comm, p.cmdline, p.kernelThread], [q.ppid, q.uid, q.user, q.comm, q.cmdline, q.kernelThread], `pid ${p.pid}`);
    assert.equal(p.pssBytes === null, q.pssBytes === null, `pid ${p.pid}: PSS known in both or neither`);
    assert.equal(p.denied.join(), q.denied.join(), `pid ${p.pid}: denied`);
  }
  const users = sample.processes.filter((p) => !p.kernelThread).length;
  assert.ok(compared >= users - 5, `${compared} of ${users} compared`);
  const self = sample.processes.find((p) => p.pid === process.pid)!;
  assert.equal(self.uid, process.geteuid!());
  assert.ok(self.pssBytes! > 0 && self.shrBytes! > 0);
});
