/**
 * Run as an unprivileged user (when the suite runs as root): `memtop snapshot` as `nobody` via
 * setpriv. Other users' smaps_rollup is refused by the kernel: their PSS/USS/SwapPss are null
 * with the denial recorded, RSS and VSS still come from status, and memtop exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nobodyBundle, nobodySkip } from '../helpers/nobody-bundle.js';
import type { ProcessJson, SnapshotJson } from '../helpers/snapshot-types.js';
import { memtopJson } from '../helpers/run-memtop.js';
import { startMemhog } from '../helpers/live-helpers.js';

const skip = nobodySkip;
const bundleDir = nobodyBundle('memtop-nobody-');

function asNobody(args: string[]) {
  const result = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(bundleDir(), 'dist', 'bin', 'memtop.js'), ...args], {
    cwd: bundleDir(), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('as nobody: other users\' processes have PSS null and the denial, RSS/VSS present, exit 0', { skip }, () => {
  const run = asNobody(['snapshot', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as SnapshotJson;
  const processes = json.processes!;
  const mine = processes.filter((p) => p.uid === 65534);
  const others = processes.filter((p: ProcessJson) => p.uid !== 65534 && p.state !== 'Z' && !p.kernelThread);
  assert.ok(mine.length >= 1, 'memtop itself runs as nobody');
  assert.ok(others.some((p) => p.pid === process.pid), 'the test runner (root) is listed');
  for (const p of others) {
    assert.equal(p.pss, null, `pid ${p.pid} (${p.comm})`);
    assert.equal(p.uss, null);
    assert.equal(p.swapPss, null);
    assert.ok(p.denied.includes('smaps_rollup'), `pid ${p.pid}: denied ${JSON.stringify(p.denied)}`);
    assert.equal(typeof p.rss, 'number', `pid ${p.pid}: rss`);
    assert.equal(typeof p.vss, 'number', `pid ${p.pid}: vss`);
  }
  for (const p of mine) assert.equal(typeof p.pss, 'number', `own process ${p.pid} has its PSS`);
});

test('as nobody: the human table shows "-" for a root process, and says why', { skip }, () => {
  const run = asNobody(['snapshot', '--pid', String(process.pid), '--columns', 'pid,rss,pss,uss,comm']);
  assert.equal(run.status, 0, run.stderr);
  const row = run.stdout.trimEnd().split('\n')[1].trim().split(/\s+/);
  assert.equal(row[0], String(process.pid));
  assert.notEqual(row[1], '-', 'RSS is known');
  assert.deepEqual(row.slice(2, 4), ['-', '-']);
  assert.match(run.stderr, /^memtop: smaps_rollup refused for 1 of 1 processes \(the kernel lets only their owner or root read it, not the owner either when a process is not dumpable, as setuid programs are, and in a sandbox/);
});

test('as nobody: maps of a root process says smaps was refused, exit 1', { skip }, () => {
  const run = asNobody(['maps', String(process.pid)]);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, new RegExp(`^memtop: cannot read /proc/${process.pid}/smaps: permission denied`));
});

test('as root: a process running as nobody shows as nobody (the owner of /proc/PID), with its PSS and SHR', { skip }, async (t) => {
  const sleeper = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sleep', '60'], { stdio: 'ignore' });
  t.after(() => sleeper.kill('SIGKILL'));
  // setpriv execs sleep in the same process: wait until it has.
  for (let i = 0; i < 100 && !readFileSync(`/proc/${sleeper.pid}/cmdline`, 'utf8').startsWith('sleep'); i++) await new Promise((r) => setTimeout(r, 20));
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(sleeper.pid)]);
  const p = json.processes![0];
  assert.equal(p.comm, 'sleep');
  assert.equal(p.uid, 65534);
  assert.equal(p.user, 'nobody');
  assert.equal(typeof p.pss, 'number');
  assert.equal(typeof p.shr, 'number');
  assert.deepEqual(p.denied, []);
});

test('as root: a process that dropped to nobody without exec (non-dumpable, its files root\'s) shows as nobody', { skip }, async (t) => {
  const hog = await startMemhog(['setuid', '65534']);
  t.after(() => hog.stop());
  const pid = hog.pids[0];
  // The scenario itself: the files in /proc/PID are root's, the directory nobody's.
  assert.equal(statSync(`/proc/${pid}`).uid, 65534);
  assert.equal(statSync(`/proc/${pid}/stat`).uid, 0, 'the kernel made it non-dumpable');
  const p = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(pid)]).processes![0];
  assert.equal(p.uid, 65534);
  assert.equal(p.user, 'nobody');
  const mine = memtopJson<SnapshotJson>(['snapshot', '--json', '--user', 'nobody']).processes!;
  assert.ok(mine.some((q) => q.pid === pid), '--user nobody lists it');
});

test('as root: a zombie of nobody shows as nobody, with no memory', { skip }, async (t) => {
  // sh forks `true`, then becomes `sleep`, which never reaps it.
  const parent = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sh', '-c', 'true & exec sleep 60'], { stdio: 'ignore' });
  t.after(() => parent.kill('SIGKILL'));
  let zombie: number | undefined;
  for (let i = 0; i < 100 && zombie === undefined; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const children = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    zombie = children.find((c) => readFileSync(`/proc/${c}/stat`, 'utf8').split(') ')[1]?.startsWith('Z'));
  }
  assert.ok(zombie, 'a zombie child');
  assert.equal(statSync(`/proc/${zombie}/stat`).uid, 0, 'a zombie\'s files are root\'s');
  const p = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(zombie)]).processes![0];
  assert.equal(p.state, 'Z');
  assert.equal(p.uid, 65534);
  assert.equal(p.user, 'nobody');
  assert.equal(p.rss, 0);
});
