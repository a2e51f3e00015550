import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { ProcFs } from '../../../src/proc/procfs.js';
import { parsePidStat } from '../../../src/proc/pid-stat.js';
import { isOwnProcRoot, sendSignal } from '../../../src/host/send-signal.js';

const fixture = fileURLToPath(new URL('../../../../test/fixtures/proc-basic', import.meta.url));

function startTicks(pid: number): number {
  const text = new ProcFs().readSingle(`${pid}/stat`);
  return parsePidStat(text as string)!.startTimeTicks!;
}

test('signals a live child after checking its start time', async (t) => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  const procfs = new ProcFs();
  const target = { pid: child.pid!, startTimeTicks: startTicks(child.pid!) };
  assert.match(sendSignal(procfs, { target: { ...target, startTimeTicks: target.startTimeTicks + 1 }, name: 'sleep', signal: 'SIGTERM' }), /another process/);
  assert.equal(child.exitCode, null);
  const exited = once(child, 'exit');
  assert.equal(sendSignal(procfs, { target, name: 'sleep', signal: 'SIGTERM' }), 'sent SIGTERM to sleep');
  const [, signal] = await exited;
  assert.equal(signal, 'SIGTERM');
  assert.match(sendSignal(procfs, { target, name: 'sleep', signal: 'SIGTERM' }), /has exited/);
});

test('never signals through another proc root (a fixture, a host /proc)', () => {
  assert.equal(isOwnProcRoot(new ProcFs('/proc')), true);
  assert.equal(isOwnProcRoot(new ProcFs(fixture)), false);
  let called = false;
  const message = sendSignal(new ProcFs(fixture), { target: { pid: 3852, startTimeTicks: 1 }, name: 'memhog', signal: 'SIGKILL' }, () => { called = true; });
  assert.equal(called, false);
  assert.match(message, /not sent/);
});
