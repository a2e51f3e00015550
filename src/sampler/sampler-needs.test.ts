// The sampler reads exactly the files its needs set names, counts them per kind, and obeys a
// change of the set between ticks; the command line is capped and read once per process life.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import { CMDLINE_MAX_BYTES } from './read-process.js';
import { UserNames } from './user-names.js';
import type { ReadNeed } from './read-needs.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { withTreeCopy } from '../../test/helpers/fixture-copy.js';
import { fixturesDir, procBasic } from '../../test/helpers/paths.js';

const cgroupFixtures = join(fixturesDir, 'cgroup');

const users = new UserNames(new Map([[0, 'root']]));
const needs = (...list: ReadNeed[]) => new Set<ReadNeed>(list);

function counting(root: string): ProcFs {
  const procfs = new ProcFs(root);
  procfs.openCounts = new Map();
  return procfs;
}

test('stat alone: one stat per process and nothing else, counted by the sampler and by the opens', () => {
  const procfs = counting(procBasic);
  const sample = new Sampler({ procfs, clock: new FakeClock(), users, exact: true, needs: needs('stat') }).sample();
  const n = sample.processes.length + sample.stats.gone;
  assert.deepEqual(sample.stats.reads, { stat: n, status: 0, rollup: 0, cmdline: 0, cgroup: 0 });
  for (const name of ['status', 'smaps_rollup', 'smaps', 'cmdline', 'cgroup']) assert.equal(procfs.openCounts!.get(name), undefined, name);
  for (const p of sample.processes) {
    // Kernel threads and zombies own no memory: zeros, not unknowns.
    if (!p.kernelThread && p.state !== 'Z') assert.equal(p.pssBytes, null, `pid ${p.pid}: no rollup read, no PSS`);
    assert.equal(p.cgroupPath, null);
    assert.equal(p.cmdline, '');
  }
});

test('rollup is read only while asked: switching it off stops the reads at the next tick', () => {
  const procfs = counting(procBasic);
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs, clock, users, exact: false, needs: needs('stat', 'status', 'rollup', 'cmdline') });
  const first = sampler.sample();
  assert.ok(first.stats.reads.rollup > 0);
  assert.equal(procfs.openCounts!.get('smaps_rollup'), first.stats.reads.rollup - first.stats.denied);
  sampler.needs = needs('stat', 'status', 'cmdline');
  procfs.openCounts!.clear();
  clock.advance(20_000); // every PSS would be due for a refresh by now
  const second = sampler.sample();
  assert.equal(second.stats.reads.rollup, 0);
  assert.equal(procfs.openCounts!.get('smaps_rollup'), undefined);
  assert.equal(second.detailSource, 'off');
  assert.ok(second.processes.every((p) => p.pssBytes === null || p.kernelThread || p.state === 'Z'));
});

test('cgroup when asked: the memory controller\'s path on a hybrid system, the 0:: path on v2', () => {
  withTreeCopy(procBasic, (root) => {
    copyFileSync(join(cgroupFixtures, 'hybrid-docker'), join(root, '3851', 'cgroup'));
    copyFileSync(join(cgroupFixtures, 'v2-only'), join(root, '3852', 'cgroup'));
    const without = new Sampler({ procfs: new ProcFs(root), users, exact: true }).sample();
    assert.equal(without.stats.reads.cgroup, 0);
    const sample = new Sampler({ procfs: counting(root), users, exact: true, needs: needs('stat', 'cgroup') }).sample();
    const byPid = new Map(sample.processes.map((p) => [p.pid, p]));
    assert.equal(byPid.get(3851)!.cgroupPath, '/docker/3f1c0e2b9a7d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a');
    assert.equal(byPid.get(3852)!.cgroupPath, '/user.slice/user-1000.slice/user@1000.service/app.slice/app-org.gnome.Terminal.slice/vte-spawn-5b1d0c4e.scope');
    assert.equal(byPid.get(1)!.cgroupPath, '/');
    assert.ok(sample.stats.reads.cgroup >= sample.processes.length);
  });
});

test('a command line past the cap is cut there and marked; it is read once per process life, again after an exec', () => {
  withTreeCopy(procBasic, (root) => {
    const long = Array.from({ length: 5000 }, (_, i) => `--arg${i}`).join('\0') + '\0';
    assert.ok(long.length > CMDLINE_MAX_BYTES * 2);
    writeFileSync(join(root, '3851', 'cmdline'), long);
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users, exact: false });
    const first = sampler.sample();
    const p = first.processes.find((q) => q.pid === 3851)!;
    assert.equal(p.cmdlineTruncated, true);
    assert.equal(p.cmdline, long.slice(0, CMDLINE_MAX_BYTES).replaceAll('\0', ' '));
    assert.ok(first.processes.filter((q) => q.pid !== 3851).every((q) => !q.cmdlineTruncated));
    clock.advance(1000);
    const again = sampler.sample();
    assert.equal(again.stats.reads.cmdline, 0, 'no command line read twice');
    // An exec: the comm in stat changes, so the command line is read afresh.
    const statPath = join(root, '3851', 'stat');
    writeFileSync(statPath, readFileSync(statPath, 'utf8').replace(/\(([^)]*)\)/, '(execd)'));
    writeFileSync(join(root, '3851', 'cmdline'), 'execd\0--short\0');
    clock.advance(1000);
    const after = sampler.sample();
    assert.equal(after.stats.reads.cmdline, 1);
    const q = after.processes.find((r) => r.pid === 3851)!;
    assert.equal(q.cmdline, 'execd --short');
    assert.equal(q.cmdlineTruncated, false);
  });
});
