// The live /proc read on two threads (split-sample.ts) against one thread: processes come and go
// between the two samples, so two paused helpers, whose figures cannot move, are compared field by
// field, and the rest for order and counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../../src/proc/procfs.js';
import { Sampler } from '../../src/sampler/sampler.js';
import { splitSample } from '../../src/sampler/split-sample.js';
import type { Sample } from '../../src/sampler/sample.js';
import { startMemhog } from '../helpers/live-helpers.js';

function exactSampler(): Sampler {
  return new Sampler({ procfs: new ProcFs('/proc'), exact: true });
}

function record(sample: Sample, pid: number) {
  const p = sample.processes.find((q) => q.pid === pid);
  assert.ok(p, `PID ${pid} in the sample`);
  const { cpuPercent: _cpu, pssReadAtMs: _at, ...stable } = p;
  return stable;
}

test('the live /proc read on two threads: the same records for processes that stand still, in list order, all counted', async (t) => {
  const hogs = [await startMemhog(['private', '8']), await startMemhog(['private', '8'])];
  t.after(() => hogs.forEach((h) => h.stop()));
  hogs.forEach((h) => h.pause());
  const split = await splitSample(exactSampler(), { chunkPids: 2, mainChunksMax: 3 });
  const one = exactSampler().sample();
  assert.equal(split.mainChunks, 3);
  assert.ok(split.workerChunks > 10, `the worker read ${split.workerChunks} chunks`);
  for (const pid of hogs.map((h) => h.pids[0])) assert.deepEqual(record(split.sample, pid), record(one, pid));
  const pids = split.sample.processes.map((p) => p.pid);
  assert.equal(new Set(pids).size, pids.length, 'no process twice');
  const inBoth = new Set(one.processes.map((p) => p.pid));
  assert.deepEqual(pids.filter((pid) => inBoth.has(pid)), one.processes.map((p) => p.pid).filter((pid) => pids.includes(pid)), 'the same order');
  const { stats } = split.sample;
  assert.equal(stats.listed, stats.gone + pids.length);
  assert.equal(stats.reads.stat, stats.listed);
  // Both read every rollup there was, less or more only by the processes that came or went.
  const drift = Math.abs(stats.listed - one.stats.listed) + stats.gone + one.stats.gone;
  assert.ok(Math.abs(stats.reads.rollup - one.stats.reads.rollup) <= drift, `${stats.reads.rollup} rollups read, ${one.stats.reads.rollup} on one thread`);
});
