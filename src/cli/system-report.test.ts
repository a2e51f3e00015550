import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemReport } from './system-report.js';
import { copyTree } from '../../test/helpers/fixture-copy.js';
import { procBasic } from '../../test/helpers/paths.js';

/** Adds `by` to the first number after `key ` in a /proc file of the tree. */
function bump(root: string, file: string, key: string, by: number): number {
  const path = join(root, file);
  let before = 0;
  writeFileSync(path, readFileSync(path, 'latin1').replace(new RegExp(`^${key} (\\d+)`, 'm'), (_m, n: string) => {
    before = Number(n);
    return `${key} ${before + by}`;
  }), 'latin1');
  return before;
}

test('memtop system: the vmstat rates are per second of the time between the two readings', async (t) => {
  const tree = copyTree(procBasic);
  t.after(() => tree.remove());
  let clockMs = 0;
  const json = JSON.parse((await systemReport({ json: true, interval: 2, proc: tree.root }, {
    env: {},
    monotonicMs: () => clockMs,
    // Between the readings: 2.5 s pass, 5,000 interrupts and 1,000 context switches happen.
    sleep: async (ms) => {
      assert.equal(ms, 2000, 'waits --interval');
      bump(tree.root, 'stat', 'intr', 5000);
      bump(tree.root, 'stat', 'ctxt', 1000);
      clockMs += 2500;
    },
  })).stdout) as { vmstat: Record<string, number | null> };
  assert.equal(json.vmstat.in, 2000);
  assert.equal(json.vmstat.cs, 400);
});
