/**
 * Churn: sampling the live /proc continuously while 200 short-lived processes start and exit.
 * The sampler must never throw and never report a half-read process: a process is either in a
 * sample with all of its figures, or absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ProcFs } from '../../src/proc/procfs.js';
import { Sampler } from '../../src/sampler/sampler.js';
import type { ProcessSample } from '../../src/sampler/sample.js';

const CHURN_PROCESSES = 200;

/**
 * Starts a shell that forks 200 short-lived processes, twenty at a time, named "churnling".
 * Their lives (10 ms to 0.4 s) straddle a sample's own length, so some are read whole and some
 * exit while being read, whatever the load on the machine.
 */
function startChurn() {
  const script = `
    lives=(0.01 0.03 0.06 0.1 0.4)
    i=0
    while [ $i -lt ${CHURN_PROCESSES} ]; do
      (exec -a churnling sleep \${lives[$((i % 5))]}) &
      i=$((i + 1))
      [ $((i % 20)) -eq 0 ] && wait
    done
    wait`;
  const child = spawn('bash', ['-c', script], { stdio: 'ignore' });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done };
}

function assertComplete(p: ProcessSample): void {
  const where = `pid ${p.pid} (${p.comm})`;
  assert.ok(Number.isInteger(p.pid) && p.pid > 0, where);
  assert.ok(Number.isInteger(p.startTimeTicks), where);
  assert.ok(p.state.length === 1, `${where}: state '${p.state}'`);
  assert.ok(p.uid !== null, `${where}: uid`);
  // No address space: a kernel thread, a zombie, or one being reaped (X, seen for an instant).
  if (p.kernelThread || p.state === 'Z' || p.state === 'X') return;
  assert.ok(p.vssBytes !== null && p.rssBytes !== null && p.shrBytes !== null, `${where}: status figures`);
  if (p.denied.length === 0) {
    assert.ok(p.pssBytes !== null && p.ussBytes !== null && p.swapPssBytes !== null, `${where}: rollup figures`);
    assert.ok(p.pssReadAtMs !== null, `${where}: pss read time`);
  } else {
    assert.equal(p.pssBytes, null, `${where}: a refused rollup must leave PSS unknown`);
  }
}

const MODES = [
  { name: 'exact', exact: true },
  { name: 'incremental', exact: false },
];

for (const { name, exact } of MODES) {
  test(`${name} sampling under churn never throws nor half-reports`, async () => {
    const sampler = new Sampler({ procfs: new ProcFs('/proc'), exact, intervalMs: 50 });
    const { child, done } = startChurn();
    let finished = false;
    void done.then(() => { finished = true; });
    let samples = 0;
    const churnPids = new Set<number>();
    try {
      while (!finished) {
        const sample = sampler.sample();
        samples++;
        for (const p of sample.processes) {
          assertComplete(p);
          if (p.comm === 'churnling' || p.cmdline.startsWith('churnling')) churnPids.add(p.pid);
        }
        await yieldToEventLoop();
      }
    } finally {
      child.kill('SIGKILL');
    }
    assert.equal(await done, 0, 'the churn script ran to its end');
    assert.ok(samples >= 5, `only ${samples} samples were taken`);
    assert.ok(churnPids.size > 0, 'no short-lived process was ever seen: the test did not exercise churn');
  });
}
