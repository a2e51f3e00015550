import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../../proc/procfs.js';
import { Sampler } from '../sampler.js';
import { SampleDeltaReader, SampleDeltaWriter } from './sample-delta.js';
import { FakeClock } from '../../../test/helpers/fake-clock.js';
import { copyTree } from '../../../test/helpers/fixture-copy.js';
import { procBasic } from '../../../test/helpers/paths.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

test('samples survive the trip as deltas, and idle ticks send almost nothing', () => {
  const tree = copyTree(procBasic);
  try {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(tree.root), clock, intervalMs: 1000, maxStalenessMs: 3_600_000 });
    const writer = new SampleDeltaWriter();
    const reader = new SampleDeltaReader();
    const trip = () => {
      const sample = sampler.sample();
      const delta = structuredClone(writer.write(sample)); // what postMessage does
      return { sample, delta, received: reader.read(delta) };
    };
    const first = trip();
    assert.equal(first.delta.changed.length, first.sample.processes.length);
    assert.deepEqual(first.received, first.sample);

    clock.advance(1000);
    const idle = trip();
    assert.deepEqual(idle.received, idle.sample);
    assert.ok(idle.delta.changed.length < idle.sample.processes.length, `${idle.delta.changed.length} records sent`);
    // Unchanged records keep their identity on the receiving side.
    const before = new Map(first.received.processes.map((p) => [p.pid, p]));
    const unchanged = idle.sample.processes.filter((p) => !idle.delta.changed.some((c) => c.pid === p.pid));
    for (const p of unchanged) assert.equal(idle.received.processes.find((r) => r.pid === p.pid), before.get(p.pid));

    rmSync(join(tree.root, '3851'), { recursive: true });
    clock.advance(1000);
    const after = trip();
    assert.deepEqual(after.received, after.sample);
    assert.ok(!after.received.processes.some((p) => p.pid === 3851), 'the vanished process is gone on the far side too');
  } finally {
    tree.remove();
  }
});

test('a delta naming a PID whose record never came is refused, not half-applied', () => {
  const reader = new SampleDeltaReader();
  const delta = { sample: {} as never, changed: [], order: Int32Array.from([42]) };
  assert.throws(() => reader.read(delta), /no record for PID 42/);
});
