// memtop's own CPU is that of the whole process: a busy worker thread shows in it, as top shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { OwnUsageMeter } from '../../../src/sampler/own-usage.js';
import { Sampler } from '../../../src/sampler/sampler.js';
import { ProcFs } from '../../../src/proc/procfs.js';
import { UserNames } from '../../../src/sampler/user-names.js';
import { procBasic } from '../../helpers/paths.js';

/** A worker thread that burns `cpuMs` of its own CPU time, then ends. */
async function busyWorker(cpuMs: number): Promise<void> {
  // process.cpuUsage() is the whole process's; the main thread idles meanwhile.
  const worker = new Worker(`
    const start = process.cpuUsage();
    const usedMs = () => { const u = process.cpuUsage(start); return (u.user + u.system) / 1000; };
    let x = 0;
    while (usedMs() < ${cpuMs}) for (let i = 0; i < 1e5; i++) x += i;
  `, { eval: true });
  await once(worker, 'exit');
}

test('the CPU of a busy worker thread counts in memtop\'s own CPU%, as a rate over the interval', async () => {
  const meter = new OwnUsageMeter();
  assert.equal(meter.read().cpuPercent, null, 'no rate before a second reading');
  const before = process.cpuUsage();
  const startMs = performance.now();
  await busyWorker(400);
  const used = process.cpuUsage(before);
  const elapsedMs = performance.now() - startMs;
  const own = meter.read();
  const expected = ((used.user + used.system) / 1000 / elapsedMs) * 100;
  assert.ok(expected > 20, `the worker ran: ${expected.toFixed(1)}%`);
  assert.ok(own.cpuPercent !== null && Math.abs(own.cpuPercent - expected) < 8, `own ${own.cpuPercent}% against getrusage's ${expected.toFixed(1)}%`);
  assert.ok(own.rssBytes > 10 * 1024 * 1024, `RSS ${own.rssBytes}`);
});

test('each Sample carries memtop\'s own usage, from the real /proc even when a copy is sampled', async () => {
  const sampler = new Sampler({ procfs: new ProcFs(procBasic), users: new UserNames(new Map()), exact: true });
  assert.equal(sampler.sample().own.cpuPercent, null);
  await busyWorker(200);
  const second = sampler.sample();
  assert.ok(second.own.cpuPercent !== null && second.own.cpuPercent > 5, `${second.own.cpuPercent}%`);
  assert.ok(second.own.rssBytes > 0);
});
