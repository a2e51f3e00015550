import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { reniceProcess } from '../../../src/host/renice.js';

const threadsOf = (pid: number) => readdirSync(`/proc/${pid}/task`).map(Number);

test('F8 raises the nice of every thread of a live child; a refusal touches nothing', async (t) => {
  // A Node child has several threads: each must move, not only the main one.
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  const pid = child.pid!;
  // Node starts its worker threads as it boots: wait for them (a busy machine makes that slow).
  for (const deadline = Date.now() + 10_000; threadsOf(pid).length < 2 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const before = os.getPriority(pid);
  const request = { target: { pid, startTimeTicks: 0 }, name: `node (${pid})`, delta: 1 };
  assert.equal(reniceProcess(request, 'PID is now another process', threadsOf(pid)), 'not reniced: PID is now another process');
  assert.equal(os.getPriority(pid), before);
  const threads = threadsOf(pid);
  assert.ok(threads.length > 1, 'node runs more than one thread');
  assert.equal(reniceProcess(request, null, threads), `nice of node (${pid}) now ${before + 1} (was ${before})`);
  for (const tid of threads) assert.equal(os.getPriority(tid), before + 1, `thread ${tid}`);
  const lower = reniceProcess({ ...request, delta: -1 }, null, threads);
  if (process.getuid?.() === 0) assert.equal(os.getPriority(pid), before);
  else assert.match(lower, /^not reniced: lowering the nice of node \(\d+\) needs root/);
});

test('at the limit the nice stays, and says so (a live child at 19)', async (t) => {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  const pid = child.pid!;
  os.setPriority(pid, 19);
  const request = { target: { pid, startTimeTicks: 0 }, name: `sleep (${pid})`, delta: 1 };
  assert.equal(reniceProcess(request, null, threadsOf(pid)), `nice of sleep (${pid}) stays 19 (the limit is 19)`);
  assert.equal(os.getPriority(pid), 19);
});
