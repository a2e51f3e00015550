/**
 * `memtop leaks` on the live kernel, with real helper processes (test/helpers/leakhog.c): a steady
 * 1 MiB/s leak is suspected with its slope within 10 % of the truth; an idle process, a sawtooth
 * and a one-time grower are not. Exit 3 when a leak is suspected; Ctrl-C prints what was gathered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLeakShapes } from '../helpers/leak-helpers.js';
import { memtopBin } from '../helpers/paths.js';

const MIB = 1024 * 1024;

interface LeaksJson {
  samples: number;
  interrupted: boolean;
  suspects: number;
  processes: { pid: number; suspected: boolean; bytesPerMinute: number; r2: number; basis: string; spanMs: number }[];
}

/** Runs memtop leaks ARGS; `interruptAfterMs`: send SIGINT then. */
function leaks(args: string[], interruptAfterMs?: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [memtopBin, 'leaks', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEMTOP_PROC: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  if (interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), interruptAfterMs);
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

test('leaks --duration 40: the 1 MiB/s leak is suspected, slope within 10 %; idle, sawtooth and one-time growth are not; exit 3', { timeout: 120_000 }, async (t) => {
  const shapes = await startLeakShapes();
  t.after(() => shapes.stop());
  const run = await leaks(['--duration', '40', '--interval', '1', '--json']);
  assert.equal(run.status, 3, run.stderr);
  const json = JSON.parse(run.stdout) as LeaksJson;
  const row = (pid: number) => json.processes.find((p) => p.pid === pid);
  const leak = row(shapes.leak.pid);
  assert.ok(leak, 'the leaking helper has a growth figure');
  assert.equal(leak.suspected, true);
  assert.equal(leak.basis, 'uss');
  const truth = 60 * MIB;
  assert.ok(Math.abs(leak.bytesPerMinute - truth) <= truth * 0.1, `slope ${(leak.bytesPerMinute / MIB).toFixed(1)} MiB/min, truth 60`);
  for (const [name, helper] of [['idle', shapes.idle], ['sawtooth', shapes.sawtooth], ['once', shapes.once]] as const) {
    const r = row(helper.pid);
    assert.ok(r, `${name} has a growth figure`);
    assert.equal(r.suspected, false, `${name} is not suspected: ${JSON.stringify(r)}`);
  }
  assert.equal(json.processes[0].suspected, true, 'suspects come first');
  assert.match(run.stderr, /suspected leak/);
});

test('leaks: Ctrl-C prints what it has so far; under 30 s there is no figure and no suspect (exit 0)', { timeout: 60_000 }, async () => {
  const run = await leaks(['--duration', '600'], 3000);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^PID +LEAK +GROWTH +FIT/);
  assert.match(run.stderr, /stopped after \d+ s of 600 s/);
  assert.match(run.stderr, /growth needs at least 30 s/);
  await sleep(0);
});

test('leaks: a bad --duration is a usage error (exit 2), one line', () => new Promise<void>((resolve) => {
  void leaks(['--duration', '0']).then((run) => {
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^memtop: --duration takes a number of seconds from 1 to 86400, not '0'\n/);
    resolve();
  });
}));
