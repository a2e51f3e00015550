/**
 * hidepid, for real: proc mounted again with hidepid in a private mount namespace (unshare -m),
 * memtop run there as nobody (setpriv). hidepid=noaccess lists every PID directory but refuses
 * other users' files: those processes are hidden, counted and named, never called exited;
 * hidepid=invisible does not list them: loadavg's task count says how many tasks are not shown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';

const isRoot = process.getuid?.() === 0;
const has = (command: string) => spawnSync(command, ['--version']).status === 0;
const canUnshare = isRoot && spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;
const skip = !isRoot ? 'the suite is not running as root' : !has('setpriv') ? 'setpriv is not installed' : !canUnshare ? 'unshare -m is not allowed here' : false;

let dir = '';

before(() => {
  if (skip) return;
  // The repository may sit in a home directory nobody cannot read: run a world-readable copy.
  dir = mkdtempSync(join(tmpdir(), 'memtop-hidepid-'));
  cpSync(join(repoRoot, 'dist', 'bin'), join(dir, 'dist', 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  chmodSync(dir, 0o755);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** memtop as nobody, in a mount namespace of its own whose /proc has this hidepid. */
function asNobodyUnder(hidepid: 1 | 2, args: string[]) {
  const script = `mount -t proc -o hidepid=${hidepid} proc /proc && exec "$@"`;
  const result = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh',
    'setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(dir, 'dist', 'bin', 'memtop.js'), ...args], {
    cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('hidepid=noaccess: other users\' processes are counted as hidden, by PID, in JSON and notes; none is called exited', { skip }, () => {
  const run = asNobodyUnder(1, ['snapshot', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as SnapshotJson;
  const system = json.system;
  assert.equal(system.hidepid, 'noaccess');
  assert.ok(system.refusedPids.includes(1), `PID 1 is refused: ${JSON.stringify(system.refusedPids.slice(0, 5))}`);
  assert.ok(system.refusedPids.includes(process.pid), 'the test runner (root) is refused');
  assert.equal(system.hiddenCount, system.refusedPids.length);
  assert.ok(system.hiddenCount > 1);
  assert.ok(json.processes!.every((p) => p.uid === 65534), 'only nobody\'s own processes are shown');
  assert.equal(system.processCount, json.processes!.length);

  const table = asNobodyUnder(1, ['snapshot']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stderr, /memtop: \d+ processes are hidden from you: listed, but their stat is refused \(\/proc is mounted hidepid=noaccess\)/);
});

test('hidepid=noaccess: --pid 1 and maps 1 say refused, not exited, and exit 1', { skip }, () => {
  const run = asNobodyUnder(1, ['snapshot', '--pid', '1']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /process 1: its stat is refused \(\/proc is mounted hidepid=noaccess\): it is hidden from you/);
  assert.doesNotMatch(run.stderr, /exited/);
  const maps = asNobodyUnder(1, ['maps', '1']);
  assert.equal(maps.status, 1);
  assert.equal(maps.stderr, 'memtop: cannot read /proc/1/stat: permission denied (/proc hides other users\' processes from you: hidepid)\n');
});

test('hidepid=invisible: the listing holds only nobody\'s processes; loadavg\'s count of the others is reported', { skip }, () => {
  const run = asNobodyUnder(2, ['snapshot', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as SnapshotJson;
  assert.equal(json.system.hidepid, 'invisible');
  assert.deepEqual(json.system.refusedPids, [], 'nothing listed is refused: the others are not listed');
  assert.ok(json.system.hiddenTasks! > 1, `hidden tasks ${json.system.hiddenTasks}`);
  const table = asNobodyUnder(2, ['snapshot']);
  assert.match(table.stderr, /hidepid=invisible: other users' processes are not listed; loadavg counts \d+ more tasks/);
  const one = asNobodyUnder(2, ['snapshot', '--pid', '1']);
  assert.match(one.stderr, /no process 1 visible to you \(\/proc is mounted hidepid=invisible/);
});
