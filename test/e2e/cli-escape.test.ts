/**
 * Untrusted text: a live process whose comm (prctl PR_SET_NAME) and command line hold ESC, BEL,
 * a CSI sequence (ESC [ 2 J: clear the screen), an OSC sequence and blessed's `{red-fg}` tag.
 * Every human-readable output shows them as visible, inert text; JSON keeps the exact bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMemhog } from '../helpers/live-helpers.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';

const COMM = '\x1b[2J\x07{red-fg}x';
const ARGS = ['\x1b]0;owned\x07', '{red-fg}red{/red-fg}', 'tab\there'];
/** Any control byte but the newline that ends each line; C1 controls too. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

test('comm and cmdline with escape sequences print as visible, inert text', async (t) => {
  const hog = await startMemhog(['name', COMM, ...ARGS]);
  t.after(() => hog.stop());
  const pid = String(hog.pids[0]);

  const table = runMemtop(['snapshot', '--pid', pid, '--columns', 'pid,comm,command']);
  assert.equal(table.status, 0);
  assert.doesNotMatch(table.stdout, RAW_CONTROL);
  assert.ok(table.stdout.includes('\\x1b[2J\\x07{red-fg}x'), table.stdout);
  assert.ok(table.stdout.includes('name \\x1b[2J\\x07{red-fg}x \\x1b]0;owned\\x07 {red-fg}red{/red-fg} tab\\x09here'), table.stdout);

  const defaults = runMemtop(['snapshot', '--pid', pid]);
  assert.doesNotMatch(defaults.stdout, RAW_CONTROL);
  assert.ok(defaults.stdout.includes('{red-fg}'));

  const csv = runMemtop(['snapshot', '--csv', '--pid', pid, '--columns', 'pid,comm,command']);
  assert.doesNotMatch(csv.stdout, RAW_CONTROL);
  assert.ok(csv.stdout.includes(`${pid},\\x1b[2J\\x07{red-fg}x,`));

  const grouped = runMemtop(['snapshot', '--group', 'program', '--pid', pid]);
  assert.doesNotMatch(grouped.stdout, RAW_CONTROL);
  assert.ok(grouped.stdout.includes('\\x1b[2J\\x07{red-fg}x'));

  const maps = runMemtop(['maps', pid]);
  assert.equal(maps.status, 0);
  assert.doesNotMatch(maps.stdout, RAW_CONTROL);
  assert.ok(maps.stdout.startsWith(`${pid}: \\x1b[2J\\x07{red-fg}x (`));

  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', pid]);
  assert.equal(json.processes![0].comm, COMM, 'JSON keeps the exact comm');
  assert.ok(json.processes![0].cmdline.endsWith(ARGS.join(' ')), 'and the exact command line');
});

test('JSON keeps the exact text, with C1 controls and bidi marks escaped (JSON.stringify leaves them raw)', async (t) => {
  // An 8-bit CSI (U+009B) and a right-to-left override (U+202E), in comm and the command line.
  const comm = 'x\u009b31m\u202eab';
  const arg = 'y\u009b2J\u2066z';
  const hog = await startMemhog(['name', comm, arg]);
  t.after(() => hog.stop());
  const pid = String(hog.pids[0]);
  const raw = /[\u0080-\u009f\u202e\u2066]/;
  for (const args of [['snapshot', '--json', '--pid', pid], ['snapshot', '--json', '--group', 'program', '--pid', pid], ['maps', pid, '--json']]) {
    const run = runMemtop(args);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, raw, args.join(' '));
    assert.ok(run.stdout.includes('\\u009b') && run.stdout.includes('\\u202e'), args.join(' '));
  }
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', pid]);
  assert.equal(json.processes![0].comm, comm);
  assert.ok(json.processes![0].cmdline.endsWith(arg));
});

test('a comm holding a carriage return and a status line ("x\\rThreads:\\t1") cannot hide its process', async (t) => {
  // Where status is read (no PSS column shown or sorted on: RSS and SHR come from it) the \r
  // once ended the parse before Pid, and the process counted as gone.
  for (const comm of ['x\rThreads:\t1', 'y\u2028Pid:\t1']) {
    const hog = await startMemhog(['name', comm, 'hiding']);
    t.after(() => hog.stop());
    const pid = hog.pids[0];
    const csv = runMemtop(['snapshot', '--csv', '--pid', String(pid), '--sort', 'pid', '--columns', 'pid,rss,shr,command']);
    assert.equal(csv.status, 0, csv.stderr);
    const rows = csv.stdout.trim().split('\n').slice(1);
    assert.equal(rows.length, 1, `${JSON.stringify(comm)}: ${csv.stdout}`);
    assert.match(rows[0], new RegExp(`^${pid},[1-9]\\d*,\\d+,`));
    const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(pid)]);
    assert.equal(json.processes?.[0]?.comm, comm);
  }
});
