/**
 * Impossible values on a fixture tree, through the built binary: each becomes unknown (null in
 * JSON, "-" in the table) with a note naming the process and the field, or, where the whole
 * report would be meaningless (no MemTotal), a clear one-line error. Never a figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTreeCopy } from '../helpers/fixture-copy.js';
import { procBasic } from '../helpers/paths.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import type { ProcessJson, SnapshotJson, SystemJson } from '../helpers/snapshot-types.js';
import { fixtureProcesses } from '../fixtures/fixture-tree.js';

const { memhog } = fixtureProcesses();

/** Replaces stat fields of `pid` (proc(5) numbering) in the tree at `root`. */
function setStat(root: string, pid: number, replace: Record<number, string>): void {
  const path = join(root, String(pid), 'stat');
  const text = readFileSync(path, 'latin1');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).trimEnd().split(' ');
  for (const [n, value] of Object.entries(replace)) fields[Number(n) - 3] = value;
  writeFileSync(path, `${text.slice(0, close + 2)}${fields.join(' ')}\n`, 'latin1');
}

function edit(root: string, relPath: string, change: (text: string) => string): void {
  const path = join(root, relPath);
  writeFileSync(path, change(readFileSync(path, 'latin1')), 'latin1');
}

function snapshotOf(root: string, args: string[] = []): { json: SnapshotJson; process: ProcessJson } {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root, ...args]);
  return { json, process: json.processes!.find((p) => p.pid === memhog)! };
}

/** The table's notes and the row of memhog, with these columns. */
function tableOf(root: string, columns: string) {
  const run = runMemtop(['snapshot', '--proc', root, '--columns', columns, '--pid', String(memhog)]);
  assert.equal(run.status, 0, run.stderr);
  return { row: run.stdout.trimEnd().split('\n')[1].trim().split(/\s+/), stderr: run.stderr };
}

test('vsize -4096: VSS unknown, not "-4.0K"; the total of VSS is partial, not lowered; the note names it', () => {
  withTreeCopy(procBasic, (root) => {
    const before = snapshotOf(root, ['--totals']).json.totals!.vss!;
    setStat(root, memhog, { 23: '-4096' });
    const { json, process } = snapshotOf(root, ['--totals']);
    assert.equal(process.vss, null);
    assert.deepEqual(process.invalid, ['stat vsize']);
    assert.ok(json.totals!.vss! < before && json.totals!.unknown.vss === 1, 'the total leaves it out and says so');
    const table = tableOf(root, 'pid,vss');
    assert.deepEqual(table.row, [String(memhog), '-']);
    assert.match(table.stderr, new RegExp(`impossible or garbled values, shown as - \\(unknown\\), not as figures: process ${memhog} \\(stat vsize\\)`));
  });
});

test('vsize 2^64 − 1 and a rollup Rss beyond 2^53 bytes: unknown, never "16384P" or a rounded figure', () => {
  withTreeCopy(procBasic, (root) => {
    setStat(root, memhog, { 23: '18446744073709551615' });
    edit(root, `${memhog}/smaps_rollup`, (t) => t.replace(/^Rss:( +)\d+ kB$/m, 'Rss:$118014398509481984 kB'));
    const { process } = snapshotOf(root);
    assert.deepEqual([process.vss, process.pss, process.uss], [null, null, null]);
    assert.deepEqual(process.invalid, ['smaps_rollup', 'stat vsize']);
    assert.equal(typeof process.rss, 'number', 'RSS from status, which is whole');
  });
});

test('Anonymous > Rss in the rollup: SHR unknown, not -95G', () => {
  withTreeCopy(procBasic, (root) => {
    edit(root, `${memhog}/smaps_rollup`, (t) => t.replace(/^Anonymous:( +)\d+ kB$/m, 'Anonymous:$199999999 kB'));
    const { process } = snapshotOf(root);
    assert.equal(process.shr, null);
    assert.deepEqual(process.invalid, ['smaps_rollup Anonymous > Rss']);
    assert.deepEqual(tableOf(root, 'pid,shr').row, [String(memhog), '-']);
  });
});

test('utime negative or 2^63: CPU% unknown, not -1111111 or 2e20', () => {
  for (const utime of ['-100000', '9223372036854775808']) {
    withTreeCopy(procBasic, (root) => {
      setStat(root, memhog, { 14: utime });
      const { process } = snapshotOf(root);
      assert.equal(process.cpu, null, utime);
      assert.deepEqual(process.invalid, ['stat utime']);
      assert.deepEqual(tableOf(root, 'pid,cpu').row, [String(memhog), '-']);
    });
  }
});

test('starttime 2^64, or no btime: START unknown, not "Invalid DateNaN" or "Jan01"', () => {
  withTreeCopy(procBasic, (root) => {
    setStat(root, memhog, { 22: '18446744073709551616' });
    const table = tableOf(root, 'pid,start');
    assert.deepEqual(table.row, [String(memhog), '-']);
    assert.match(table.stderr, /stat starttime/);
  });
  withTreeCopy(procBasic, (root) => {
    edit(root, 'stat', (t) => t.replace(/^btime .*\n/m, ''));
    assert.deepEqual(tableOf(root, 'pid,start').row, [String(memhog), '-']);
  });
});

test('a garbage Uid: uid null and USER not "NaN", with a note', () => {
  withTreeCopy(procBasic, (root) => {
    edit(root, `${memhog}/status`, (t) => t.replace(/^Uid:.*$/m, 'Uid:\tabc\t0\t0\t0'));
    const { process } = snapshotOf(root);
    assert.equal(process.uid, null);
    assert.notEqual(process.user, 'NaN');
    assert.deepEqual(process.invalid, ['status Uid']);
  });
});

test('meminfo empty, without MemTotal, or MemTotal 0: a clear one-line error, exit 1, for snapshot and system', () => {
  const cases: [string, (t: string) => string, RegExp][] = [
    ['empty', () => '', /meminfo holds no field \(empty or corrupt\): memory figures would be meaningless/],
    ['no MemTotal', (t) => t.replace(/^MemTotal:.*\n/m, ''), /meminfo has no MemTotal \(cut short or corrupt\)/],
    ['MemTotal 0', (t) => t.replace(/^MemTotal:.*$/m, 'MemTotal:       0 kB'), /meminfo says MemTotal is 0/],
  ];
  for (const [name, change, message] of cases) {
    withTreeCopy(procBasic, (root) => {
      edit(root, 'meminfo', change);
      for (const args of [['snapshot'], ['system', '--interval', '0.1']]) {
        const run = runMemtop([...args, '--proc', root]);
        assert.equal(run.status, 1, `${name}, ${args[0]}: ${run.stderr}`);
        assert.match(run.stderr, message, name);
        assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
        assert.equal(run.stdout, '');
      }
    });
  }
});

test('SwapFree > SwapTotal: used swap unknown (null, "-") with a note, not a negative figure', () => {
  withTreeCopy(procBasic, (root) => {
    edit(root, 'meminfo', (t) => t.replace(/^SwapTotal:.*$/m, 'SwapTotal:       100 kB').replace(/^SwapFree:.*$/m, 'SwapFree:        200 kB'));
    const json = memtopJson<SystemJson>(['system', '--json', '--interval', '0.1', '--proc', root]);
    assert.equal(json.free.swapUsed, null);
    const run = runMemtop(['system', '--interval', '0.1', '--proc', root]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Swap: +100K +- +200K$/m);
    assert.match(run.stderr, /SwapFree exceeds SwapTotal: used swap unknown, shown as -/);
  });
});
