import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixturesDir } from '../../test/helpers/paths.js';
import { snapshotReport } from './snapshot-report.js';
import { timePointValue } from './recording-source.js';

const recording = join(fixturesDir, 'recording', 'small-v1.ndjson');

test('snapshot --from: the recorded table at each moment, by the live snapshot\'s code', async () => {
  const first = await snapshotReport({ from: recording, at: timePointValue('+0'), columns: 'pid,uss,command', sort: 'pid' });
  const last = await snapshotReport({ from: recording, columns: 'pid,uss,command', sort: 'pid' });
  // A row whose command is exactly it (the shells' command lines name both).
  const row = (command: string) => new RegExp(`^ +\\d+ +\\S+ ${command.replace('.', '\\.')}$`, 'm');
  assert.match(first.stdout, row('sleep 1.4'));
  assert.doesNotMatch(first.stdout, row('sleep 31'));
  assert.doesNotMatch(last.stdout, row('sleep 1.4'));
  assert.match(last.stdout, row('sleep 31'));
  assert.match(first.stdout, /\\x0a/, 'a newline in a command line is shown escaped, as live');
  assert.match(first.notes[0], /^the sample of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(1 of 8\) from .*small-v1\.ndjson$/);
  assert.match(last.notes[0], /\(8 of 8\)/);
  const json = JSON.parse((await snapshotReport({ from: recording, json: true, pid: [2] })).stdout) as { processes: { pid: number; cmdline: string }[] };
  assert.deepEqual(json.processes.map((p) => [p.pid, p.cmdline]), [[2, 'sleep 30']]);
});

test('snapshot --from: a PID or a user not in the recorded sample is said so', async () => {
  const missing = await snapshotReport({ from: recording, pid: [4242] });
  assert.equal(missing.exitCode, 1);
  assert.ok(missing.notes.includes('no process 4242 in the recorded sample'));
  const user = await snapshotReport({ from: recording, user: 'nosuchuser' });
  assert.ok(user.notes.includes('no process of user nosuchuser in the recorded sample'));
  assert.ok(!(await snapshotReport({ from: recording, user: 'root' })).notes.some((n) => n.includes('user root')));
});
