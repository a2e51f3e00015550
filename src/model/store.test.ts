import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { Store } from './store.js';
import { smapsTableOf } from '../proc/smaps-stream.js';

const EMPTY = smapsTableOf('');

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

function sampler(): Sampler {
  return new Sampler({ procfs: new ProcFs(fixture), exact: true });
}

test('keeps the latest and previous sample and a bounded system history', () => {
  const store = new Store(2);
  const s = sampler();
  const versions: number[] = [];
  for (let i = 0; i < 3; i++) {
    store.push(s.sample());
    versions.push(store.version);
  }
  assert.deepEqual(versions, [1, 2, 3]);
  assert.ok(store.latest && store.previous && store.latest !== store.previous);
  assert.equal(store.history.length, 2);
  assert.equal(store.history.last()?.memTotalBytes, store.latest.system.meminfo.MemTotal);
  const m = store.latest.system.meminfo;
  assert.equal(store.history.last()?.memUsedBytes, m.MemTotal - m.MemAvailable);
  assert.equal(store.history.last()?.buffCacheBytes, m.Buffers + m.Cached + m.SReclaimable);
  assert.equal(store.history.last()?.swapUsedBytes, m.SwapTotal - m.SwapFree);
});

test('finds a process by pid and start time, not by pid alone', () => {
  const store = new Store();
  store.push(sampler().sample());
  const p = store.latest!.processes.find((x) => x.pid === 3852)!;
  assert.equal(store.find({ pid: 3852, startTimeTicks: p.startTimeTicks }), p);
  assert.equal(store.find({ pid: 3852, startTimeTicks: p.startTimeTicks + 1 }), undefined);
});

test('mappings: readings of the watched process only; the last data stays when it exits', () => {
  const store = new Store();
  store.push(sampler().sample());
  const p = store.latest!.processes.find((x) => x.pid === 3852)!;
  const target = { pid: p.pid, startTimeTicks: p.startTimeTicks };
  store.setMappings(target, { kind: 'ok', comm: 'x', mappings: EMPTY }, 1);
  assert.equal(store.mappings, null, 'not watched: ignored');
  store.watchMappings(target);
  store.setMappings({ pid: 1, startTimeTicks: 0 }, { kind: 'ok', comm: 'other', mappings: EMPTY }, 1);
  assert.equal(store.mappings!.comm, null);
  store.setMappings(target, { kind: 'ok', comm: 'memhog', mappings: EMPTY }, 2);
  assert.equal(store.mappings!.comm, 'memhog');
  store.setMappings(target, { kind: 'gone' }, 3);
  assert.equal(store.mappings!.exited, true);
  assert.equal(store.mappings!.mappings, EMPTY);
  assert.equal(store.mappings!.readAtMs, 2);
  store.unwatchMappings();
  assert.equal(store.mappings, null);
});

test('a watched process missing from a new sample is marked exited', () => {
  const store = new Store();
  store.push(sampler().sample());
  store.watchMappings({ pid: 424242, startTimeTicks: 1 });
  store.setMappings({ pid: 424242, startTimeTicks: 1 }, { kind: 'ok', comm: 'gone-soon', mappings: EMPTY }, 1);
  store.push(sampler().sample());
  assert.equal(store.mappings!.exited, true);
});
