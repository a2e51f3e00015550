/**
 * A process whose stat, status, cmdline or smaps_rollup is empty, cut short or garbled (a
 * fixture tree with those files damaged) is never dropped without a word: it is kept with what
 * was read and the rest unknown, or, when its stat cannot be read, named in a note and in the
 * JSON. `maps` on a bad stat says what is wrong with the stat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTreeCopy } from '../helpers/fixture-copy.js';
import { procBasic } from '../helpers/paths.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';
import { fixtureProcesses } from '../fixtures/fixture-tree.js';

const { memhog, sleeper } = fixtureProcesses();

function damage(root: string, pid: number, file: string, change: (text: string) => string): void {
  const path = join(root, String(pid), file);
  writeFileSync(path, change(readFileSync(path, 'latin1')), 'latin1');
}

const DAMAGE: [string, (text: string) => string][] = [
  ['empty', () => ''],
  ['cut short', (t) => t.slice(0, Math.floor(t.length / 3))],
  ['garbled', (t) => t.replace(/\d/g, 'x')],
];

test('a bad stat: the process is named in a note and in the JSON, not dropped silently; exit 0', () => {
  for (const [how, change] of DAMAGE) {
    withTreeCopy(procBasic, (root) => {
      damage(root, memhog, 'stat', change);
      const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root]);
      assert.deepEqual(json.system.garbledPids, [memhog], how);
      const run = runMemtop(['snapshot', '--proc', root]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, new RegExp(`stat of process ${memhog} is not a whole stat line \\(cut short or corrupt\\): left out of the report`), how);
      const asked = runMemtop(['snapshot', '--proc', root, '--pid', String(memhog)]);
      assert.equal(asked.status, 1, `${how}: --pid of it fails`);
      assert.match(asked.stderr, new RegExp(`process ${memhog}: its stat is not a whole stat line`));
    });
  }
});

test('a bad status: the process stays, with status\'s figures unknown and the file named', () => {
  for (const [how, change] of DAMAGE) {
    withTreeCopy(procBasic, (root) => {
      damage(root, memhog, 'status', change);
      const p = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root]).processes!.find((q) => q.pid === memhog);
      assert.ok(p, `${how}: kept`);
      assert.ok(p.invalid.includes('status'), `${how}: ${JSON.stringify(p.invalid)}`);
      assert.equal(typeof p.pss, 'number', `${how}: the rollup's figures stay`);
      const run = runMemtop(['snapshot', '--proc', root]);
      assert.match(run.stderr, new RegExp(`process ${memhog} \\(status\\)`), how);
    });
  }
});

test('a bad smaps_rollup: the process stays, PSS/USS unknown, RSS from status, the file named', () => {
  for (const [how, change] of DAMAGE) {
    withTreeCopy(procBasic, (root) => {
      damage(root, memhog, 'smaps_rollup', change);
      const p = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root]).processes!.find((q) => q.pid === memhog);
      assert.ok(p, `${how}: kept`);
      assert.deepEqual([p.pss, p.uss, p.swapPss], [null, null, null], how);
      assert.equal(typeof p.rss, 'number', how);
      assert.deepEqual(p.invalid, [how === 'empty' ? 'smaps_rollup empty' : 'smaps_rollup'], how);
    });
  }
});

test('an empty or odd cmdline: the process stays, under its name', () => {
  for (const [how, change] of [...DAMAGE, ['bytes', () => '\u0000\u0000\uFFFD\u0001'] as const]) {
    withTreeCopy(procBasic, (root) => {
      damage(root, sleeper, 'cmdline', change);
      const p = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root]).processes!.find((q) => q.pid === sleeper);
      assert.ok(p, `${how}: kept`);
      assert.equal(p.comm, 'sleep');
    });
  }
});

test('maps on a bad stat says the stat is bad, not that smaps is missing', () => {
  withTreeCopy(procBasic, (root) => {
    damage(root, memhog, 'stat', (t) => t.slice(0, 20));
    const run = runMemtop(['maps', String(memhog), '--proc', root]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `memtop: cannot read process ${memhog}: ${root}/${memhog}/stat is not a whole stat line (cut short or corrupt)\n`);
  });
});
