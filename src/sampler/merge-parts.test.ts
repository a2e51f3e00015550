import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import { mergeParts } from './merge-parts.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { procBasic } from '../../test/helpers/paths.js';

test('parts read PID by PID merge into what one read of all the PIDs gives: records, counts, order', () => {
  const one = new Sampler({ procfs: new ProcFs(procBasic), clock: new FakeClock(), exact: true });
  const start = one.startTick();
  const whole = one.readPart(start.pids, start.system, start.nowMs);
  const parts = new Sampler({ procfs: new ProcFs(procBasic), clock: new FakeClock(), exact: true });
  const merged = mergeParts(start.pids.map((pid) => parts.readPart([pid], start.system, start.nowMs)));
  assert.deepEqual(merged, whole);
  assert.ok(whole.processes.length >= 4 && whole.stats.reads.rollup > 0);
});

test('refused files stay capped as in one read', () => {
  const part = (n: number) => ({ processes: [], unread: [], stats: { listed: 1, gone: 1, denied: 0, reads: { stat: 1, status: 0, rollup: 0, cmdline: 0, cgroup: 0 }, refused: Array.from({ length: n }, (_, i) => `${n}/${i}`) } });
  const merged = mergeParts([part(15), part(15)]);
  assert.equal(merged.stats.refused.length, 20);
  assert.deepEqual(merged.stats.refused.slice(14, 16), ['15/14', '15/0']);
  assert.equal(merged.stats.listed, 2);
  assert.equal(merged.stats.reads.stat, 2);
});
