import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { Store } from './store.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('system history points hold available, PSI avg10 and per-second swap and fault rates (null until there are two samples)', () => {
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs: new ProcFs(fixture), exact: true, clock });
  const store = new Store();
  const first = sampler.sample();
  store.push(first);
  const p0 = store.history.last()!;
  assert.equal(p0.availableBytes, first.system.meminfo.MemAvailable);
  assert.equal(p0.psiSomePercent, first.system.pressure?.some?.avg10 ?? null);
  assert.equal(p0.psiFullPercent, first.system.pressure?.full?.avg10 ?? null);
  assert.equal(p0.swapInBytesPerSec, null);
  assert.equal(p0.pageFaultsPerSec, null);
  clock.advance(2000);
  const second = sampler.sample();
  // The same fixture read again: counters as before plus a known step, over 2 s.
  second.system.vmstat = { ...second.system.vmstat, pswpout: second.system.vmstat.pswpout + 10, pgfault: second.system.vmstat.pgfault + 500 };
  store.push(second);
  const p1 = store.history.last()!;
  assert.equal(p1.swapOutBytesPerSec, (10 * store.pageSizeBytes) / 2);
  assert.equal(p1.swapInBytesPerSec, 0);
  assert.equal(p1.pageFaultsPerSec, 250);
  assert.equal(p1.majorFaultsPerSec, 0);
});
