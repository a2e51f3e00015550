import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcFs } from '../proc/procfs.js';
import { NotAProcRootError } from './read-system.js';
import { Sampler } from './sampler.js';
import { splitSample, type SplitOptions } from './split-sample.js';
import type { Sample } from './sample.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { procBasic, procNoRollup } from '../../test/helpers/paths.js';

/** An exact sampler of a fixture tree on fake time, as `memtop snapshot` makes one. */
function fixtureSampler(root: string): Sampler {
  return new Sampler({ procfs: new ProcFs(root), clock: new FakeClock(), exact: true });
}

/** The sample without memtop's own usage, which is read from the live /proc whatever the root. */
function figures(sample: Sample): Omit<Sample, 'own'> {
  const { own: _own, ...rest } = sample;
  return rest;
}

async function assertSameAsOneThread(root: string, options: SplitOptions) {
  const split = await splitSample(fixtureSampler(root), options);
  assert.deepEqual(figures(split.sample), figures(fixtureSampler(root).sample()));
  return split;
}

for (const root of [procBasic, procNoRollup]) {
  test(`a sample read in chunks on two threads equals the one-thread sample (${root.split('/').pop()})`, async () => {
    const split = await assertSameAsOneThread(root, { chunkPids: 1, mainChunksMax: 1 });
    assert.equal(split.mainChunks, 1);
    assert.ok(split.workerChunks >= 3, `the worker read ${split.workerChunks} chunks`);
  });
}

test('with the default chunks the merged sample is the same, whichever thread read what', async () => {
  const split = await assertSameAsOneThread(procBasic, {});
  assert.equal(split.mainChunks + split.workerChunks, 1);
});

test('a worker that fails to start leaves every chunk to the main thread: same figures', async () => {
  const missing = new URL('./no-such-split-worker.js', import.meta.url);
  const split = await assertSameAsOneThread(procBasic, { workerUrl: missing, chunkPids: 1, mainChunksMax: 0 });
  assert.equal(split.workerChunks, 0);
  assert.ok(split.mainChunks >= 4);
});

test('a worker that claims chunks and dies before it reports: the main thread reads them, same figures', async () => {
  const dying = new URL('../../test/helpers/dying-split-worker.js', import.meta.url);
  const split = await assertSameAsOneThread(procBasic, { workerUrl: dying, chunkPids: 1, mainChunksMax: 0 });
  assert.equal(split.workerChunks, 0);
  assert.ok(split.mainChunks >= 4);
});

test('a root that is not a proc root fails as on one thread, and the worker does not outlive the error', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'memtop-split-'));
  try {
    await assert.rejects(splitSample(fixtureSampler(empty)), NotAProcRootError);
    assert.throws(() => fixtureSampler(empty).sample(), NotAProcRootError);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  // A worker left waiting would keep this test file from ending (the runner's timeout would fail it).
});
