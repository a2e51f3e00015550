import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { ParallelSampler } from './parallel-sampler.js';
import { Sampler } from './sampler.js';
import { procBasic } from '../../test/helpers/paths.js';
import type { ProcessSample } from './sample.js';

/** The figures that do not depend on when or by which thread a process was read. */
function figures(p: ProcessSample) {
  const { pid, ppid, uid, user, state, comm, cmdline, vssBytes, rssBytes, shrBytes, pssBytes, ussBytes, swapBytes, swapPssBytes, kernelThread, denied } = p;
  return { pid, ppid, uid, user, state, comm, cmdline, vssBytes, rssBytes, shrBytes, pssBytes, ussBytes, swapBytes, swapPssBytes, kernelThread, denied };
}

test('two threads read the same figures as one', async () => {
  const parallel = new ParallelSampler({ procRoot: procBasic, exact: true });
  try {
    const single = new Sampler({ procfs: new ProcFs(procBasic), exact: true }).sample();
    for (let round = 0; round < 2; round++) {
      const sample = await parallel.sample();
      const sort = (list: ProcessSample[]) => list.map(figures).sort((a, b) => a.pid - b.pid);
      assert.deepEqual(sort(sample.processes), sort(single.processes));
      assert.deepEqual(sample.stats, single.stats);
      assert.equal(sample.detailSource, 'smaps_rollup');
      // However few, the PIDs are split by parity (this thread's even ones come first): a PID is
      // always read by the same thread, so its CPU% is always taken against its last reading.
      const parities = sample.processes.map((p) => p.pid & 1);
      assert.deepEqual(parities, [...parities].sort(), 'even PIDs here, odd ones in the helper');
      assert.ok(parities.includes(0) && parities.includes(1));
    }
  } finally {
    parallel.close();
  }
});

test('on the live /proc, each process appears once and our own process is found', async () => {
  const parallel = new ParallelSampler({ procRoot: '/proc', exact: false, intervalMs: 100 });
  try {
    for (let round = 0; round < 3; round++) {
      const sample = await parallel.sample();
      const pids = sample.processes.map((p) => p.pid);
      assert.equal(new Set(pids).size, pids.length, 'no PID twice');
      const self = sample.processes.find((p) => p.pid === process.pid);
      assert.ok(self && self.pssBytes !== null && self.pssBytes > 0, 'this test process, with its PSS');
      assert.ok(sample.processes.some((p) => (p.pid & 1) === 1) && sample.processes.some((p) => (p.pid & 1) === 0));
    }
  } finally {
    parallel.close();
  }
});

test('after the helper thread is gone, samples are read whole in this thread', async () => {
  const parallel = new ParallelSampler({ procRoot: procBasic, exact: true });
  parallel.close();
  const sample = await parallel.sample();
  assert.equal(sample.processes.length, new Sampler({ procfs: new ProcFs(procBasic) }).sample().processes.length);
});
