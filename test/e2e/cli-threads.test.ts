/**
 * A PID that is not a process: a thread (/proc/TID opens although /proc does not list it), a
 * kernel thread, or nothing at all. `maps` shows a thread's process and says so; `snapshot --pid`
 * says why a PID it was asked for has no row.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMemtop } from '../helpers/run-memtop.js';
import { procBasic } from '../helpers/paths.js';

let child: ChildProcess | undefined;
let pid = 0;
let tid = 0;

before(async () => {
  // A real process with a second thread: node and a worker thread, alive until killed.
  child = spawn(process.execPath, ['-e', "new (require('node:worker_threads').Worker)('setInterval(() => {}, 1000)', { eval: true }); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
  pid = child.pid!;
  const deadline = Date.now() + 10_000;
  while (tid === 0) {
    // The worker's thread is the last to appear; any task but the main one is a thread.
    const tasks = readdirSync(`/proc/${pid}/task`).map(Number).filter((t) => t !== pid);
    if (tasks.length > 0) tid = Math.max(...tasks);
    else if (Date.now() > deadline) throw new Error('the helper started no thread');
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
after(() => {
  child?.kill('SIGKILL');
});

test('maps TID: the mappings of the thread\'s process, under its PID, and a note saying so', () => {
  const json = runMemtop(['maps', String(tid), '--json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { pid: number }).pid, pid);
  assert.equal(json.stderr, `memtop: ${tid} is a thread of process ${pid}: these are the mappings of ${pid}, which all its threads share\n`);
  const table = runMemtop(['maps', String(tid)]);
  assert.equal(table.status, 0);
  assert.match(table.stdout, new RegExp(`^${pid}: node \\(\\d+ mappings\\)\\n`));
  // The process itself: no note.
  assert.equal(runMemtop(['maps', String(pid), '--json']).stderr, '');
});

test('snapshot --pid TID: no row (a thread is no process), and a note naming its process', () => {
  const run = runMemtop(['snapshot', '--pid', String(tid), '--columns', 'pid,comm']);
  assert.equal(run.status, 1, 'no process shown: exit 1, as ps -p');
  assert.equal(run.stdout, 'PID COMM\n');
  assert.match(run.stderr, new RegExp(`^memtop: ${tid} is a thread of process ${pid}, not a process: --pid ${pid} shows it$`, 'm'));
  const both = runMemtop(['snapshot', '--pid', `${tid},${pid}`, '--columns', 'pid']);
  assert.deepEqual(both.stdout.split('\n').map((l) => l.trim()), ['PID', String(pid), '']);
});

test('a kernel thread: maps says it has no user-space mappings; snapshot --pid points to --kernel', () => {
  const maps = runMemtop(['maps', '2', '--proc', procBasic]);
  assert.equal(maps.status, 0);
  assert.match(maps.stdout, /^2: kthreadd \(0 mappings\)\n/);
  assert.equal(maps.stderr, 'memtop: 2 (kthreadd) is a kernel thread: it has no user-space mappings\n');
  const hidden = runMemtop(['snapshot', '--pid', '2,3851', '--proc', procBasic, '--columns', 'pid']);
  assert.equal(hidden.stdout, ' PID\n3851\n');
  assert.equal(hidden.stderr, 'memtop: 2 is a kernel thread: --kernel shows it\n');
  const shown = runMemtop(['snapshot', '--pid', '2', '--kernel', '--proc', procBasic, '--columns', 'pid']);
  assert.equal(shown.stdout, 'PID\n  2\n');
  assert.equal(shown.stderr, '');
});

test('snapshot --pid of no process: the table without it, and "no process N"', () => {
  const run = runMemtop(['snapshot', '--pid', '3851,999999', '--proc', procBasic, '--columns', 'pid']);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, ' PID\n3851\n');
  assert.equal(run.stderr, 'memtop: no process 999999\n');
});

test('snapshot --pid of a process listed but not readable whole (a stat cut short, in a copy of /proc): said so, not "no process", exit 1', () => {
  const root = mkdtempSync(join(tmpdir(), 'memtop-cut-'));
  try {
    cpSync(procBasic, root, { recursive: true });
    const stat = readFileSync(join(root, '3851', 'stat'));
    writeFileSync(join(root, '3851', 'stat'), stat.subarray(0, 30));
    const run = runMemtop(['snapshot', '--pid', '3851,3852', '--proc', root, '--columns', 'pid']);
    assert.equal(run.status, 1, 'the process asked for cannot be shown');
    assert.equal(run.stdout, ' PID\n3852\n');
    assert.equal(run.stderr, 'memtop: process 3851: its stat is not a whole stat line (cut short or corrupt): it cannot be shown\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
