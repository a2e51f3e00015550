import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { WorkerSampleSource, type SampleListeners } from './sampler-host.js';
import type { Sample } from '../sample.js';
import type { MappingsReading } from '../sample.js';
import { DEFAULT_NEEDS } from '../sampler.js';

const fixture = fileURLToPath(new URL('../../../../test/fixtures/proc-basic', import.meta.url));
const config = { needs: DEFAULT_NEEDS, exact: false, maxStalenessMs: 10_000, intervalMs: 200, paused: false, mappingsOf: null };

function collect(source: WorkerSampleSource) {
  const got = { ready: [] as number[], samples: [] as Sample[], mappings: [] as MappingsReading[], errors: [] as Error[] };
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const listeners: SampleListeners = {
    onReady: (n) => { got.ready.push(n); wake(); },
    onSample: (s) => { got.samples.push(s); wake(); },
    onMappings: (_t, r) => { got.mappings.push(r); wake(); },
    onError: (e) => { got.errors.push(e); wake(); },
  };
  source.start(listeners);
  const until = async (ok: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 100); });
    }
  };
  return { got, until };
}

test('the worker samples the proc root repeatedly and posts samples', async () => {
  const source = new WorkerSampleSource(fixture, config);
  try {
    const { got, until } = collect(source);
    await until(() => got.samples.length >= 2, 'two samples');
    assert.equal(got.errors.length, 0);
    assert.equal(got.ready[0], 4096, 'a tree without self: 4 KiB pages');
    const memhog = got.samples[0].processes.find((p) => p.pid === 3852);
    assert.ok(memhog && memhog.pssBytes !== null && memhog.pssBytes > 0);
  } finally {
    await source.stop();
  }
});

test('reads the watched process\'s smaps; a wrong start time reads as gone; pause stops sampling', async () => {
  const source = new WorkerSampleSource(fixture, config);
  try {
    const { got, until } = collect(source);
    await until(() => got.samples.length >= 1, 'a sample');
    const memhog = got.samples[0].processes.find((p) => p.pid === 3852)!;
    source.configure({ mappingsOf: { pid: 3852, startTimeTicks: memhog.startTimeTicks } });
    await until(() => got.mappings.length >= 1, 'mappings');
    const first = got.mappings[0];
    assert.equal(first.kind, 'ok');
    assert.ok(first.kind === 'ok' && first.mappings.strings.includes('[heap]'));
    source.configure({ mappingsOf: { pid: 3852, startTimeTicks: memhog.startTimeTicks + 1 } });
    await until(() => got.mappings.some((m) => m.kind === 'gone'), 'a gone reading');
    source.configure({ paused: true, mappingsOf: null });
    // A sample the worker was taking when the pause came still arrives: wait past it (an interval
    // and more) before counting.
    await new Promise((r) => setTimeout(r, 2 * config.intervalMs));
    const count = got.samples.length;
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(got.samples.length, count, 'no samples while paused');
    source.configure({ paused: false });
    await until(() => got.samples.length > count, 'a sample after resuming');
  } finally {
    await source.stop();
  }
});

test('the needs set crosses to the worker: rollup off, no rollup read and no PSS; cgroup on, cgroup read', async () => {
  const source = new WorkerSampleSource(fixture, { ...config, needs: new Set(['stat', 'status', 'cmdline']) });
  try {
    const { got, until } = collect(source);
    await until(() => got.samples.length >= 1, 'a sample');
    assert.equal(got.samples[0].stats.reads.rollup, 0);
    assert.equal(got.samples[0].detailSource, 'off');
    assert.equal(got.samples[0].processes.find((p) => p.pid === 3852)!.pssBytes, null);
    source.configure({ needs: new Set(['stat', 'cgroup']) });
    source.sampleNow();
    await until(() => got.samples.some((s) => s.stats.reads.cgroup > 0), 'a sample that read cgroup');
    const last = got.samples.at(-1)!;
    assert.equal(last.processes.find((p) => p.pid === 3852)!.cgroupPath, '/process_api/8139ef43e3809fab548f8558605e666a');
    assert.equal(last.stats.reads.status, 0);
  } finally {
    await source.stop();
  }
});
