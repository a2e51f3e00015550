import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../proc/procfs.js';
import { FULL_LISTING_EVERY, PidLister, lastPidIsOurs } from './pid-lister.js';
import { spawnSync } from 'node:child_process';
import { copyTree } from '../../test/helpers/fixture-copy.js';
import { procBasic } from '../../test/helpers/paths.js';

const loadavg = (lastPid: number) => ({ load1: 0, load5: 0, load15: 0, runningTasks: 1, totalTasks: 7, lastPid });

test('the directory is listed again only when the last PID moved', () => {
  const tree = copyTree(procBasic);
  try {
    const lister = new PidLister(new ProcFs(tree.root), true);
    const first = lister.list(loadavg(4000));
    assert.equal(lister.listings, 1);
    mkdirSync(join(tree.root, '4001')); // a process appears...
    assert.deepEqual(lister.list(loadavg(4000)), first, 'unseen while the last PID stands still');
    assert.equal(lister.listings, 1);
    assert.ok(lister.list(loadavg(4001)).includes(4001), '...and is listed once the last PID moves');
    assert.equal(lister.listings, 2);
  } finally {
    tree.remove();
  }
});

test('an unchanged tick reads the PIDs the previous tick found alive', () => {
  const lister = new PidLister(new ProcFs(procBasic), true);
  lister.list(loadavg(10));
  lister.keep([1, 2, 3851]);
  assert.deepEqual(lister.list(loadavg(10)), [1, 2, 3851]);
});

test('a full listing comes every FULL_LISTING_EVERY ticks, and always outside the live /proc', () => {
  const trusting = new PidLister(new ProcFs(procBasic), true);
  for (let i = 0; i < FULL_LISTING_EVERY * 2; i++) trusting.list(loadavg(10));
  assert.equal(trusting.listings, 2);
  const fixture = new PidLister(new ProcFs(procBasic));
  fixture.list(loadavg(10));
  fixture.list(loadavg(10));
  assert.equal(fixture.listings, 2, 'a fixture tree or a host /proc is listed every tick');
});
