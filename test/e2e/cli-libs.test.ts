import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import { startMemhog, type Helper } from '../helpers/live-helpers.js';

const MIB = 1024 * 1024;
const PAGE = 4096;

interface LibsJson { processesRead: number; files: { path: string; processes: number; pids: number[]; pssBytes: number; rssBytes: number; ussBytes: number }[] }

test('memtop libs: one 8 MiB file mapped in 4 processes is one row, 4 processes, PSS ≈ 8 MiB (its resident part split four ways)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-libs-'));
  const file = join(dir, 'shared-8m.bin');
  writeFileSync(file, randomBytes(8 * MIB));
  const helpers: Helper[] = [];
  t.after(() => { helpers.forEach((h) => h.stop()); rmSync(dir, { recursive: true, force: true }); });
  for (let i = 0; i < 4; i++) helpers.push(await startMemhog(['mapfile', file]));
  const pids = helpers.map((h) => h.pids[0]);

  const json = memtopJson<LibsJson>(['libs', '--json', '--pid', pids.join(',')]);
  assert.equal(json.processesRead, 4);
  const row = json.files.find((f) => f.path === file);
  assert.ok(row, `the file is listed: ${json.files.map((f) => f.path).join(', ')}`);
  assert.equal(row.processes, 4);
  assert.deepEqual([...row.pids].sort(), [...pids].sort());
  assert.ok(Math.abs(row.pssBytes - 8 * MIB) <= 4 * PAGE, `PSS ${row.pssBytes} ≈ 8 MiB`);
  assert.ok(Math.abs(row.rssBytes - 32 * MIB) <= 16 * PAGE, `RSS ${row.rssBytes} counts it four times`);
  assert.equal(row.ussBytes, 0, 'no page of it is private to one');

  const table = runMemtop(['libs', '--pid', pids.join(','), '--columns', 'procs,pss,path']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, new RegExp(`^ +4 +8\\.00M ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  assert.match(table.stderr, /read the smaps of 4 processes in \d+ ms/);
  const csv = runMemtop(['libs', '--csv', '--pid', pids.join(','), '--columns', 'procs,pss,path']);
  assert.match(csv.stdout, /^procs,pss,path\n/);
});

test('memtop libs: a PID that is not there is exit 1; a bad column is one line', () => {
  const none = runMemtop(['libs', '--pid', '4194304']);
  assert.equal(none.status, 1, none.stderr);
  assert.match(none.stderr, /no process with PID 4194304/);
  const bad = runMemtop(['libs', '--columns', 'nope']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^memtop: --columns: unknown column 'nope'; valid columns: procs, /);
  assert.doesNotMatch(bad.stderr, /\n +at /, 'no stack trace');
});
