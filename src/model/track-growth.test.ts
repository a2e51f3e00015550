import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import type { ProcessSample } from '../sampler/sample.js';
import { processRecord } from '../../test/helpers/process-record.js';
import { ProcessHistory } from './process-history.js';
import { growthOf } from './track-growth.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const base = new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample();
const MIB = 1024 * 1024;

/** Idle (read every 10 s), leaking (read every tick), a sawtooth read every 3 s, a one-time step, and one without USS. */
function processesAt(s: number, monotonicMs: number): ProcessSample[] {
  return [
    processRecord({ pid: 1, rssBytes: 8 * MIB, ussBytes: 2 * MIB, pssReadAtMs: 1000 + Math.floor(s / 10) * 10_000 }),
    processRecord({ pid: 2, rssBytes: 20 * MIB + s * MIB, ussBytes: 10 * MIB + s * MIB, pssReadAtMs: monotonicMs }),
    processRecord({ pid: 3, rssBytes: 9 * MIB, ussBytes: ((Math.floor(s / 3) % 7) + 1) * MIB, pssReadAtMs: 1000 + Math.floor(s / 3) * 3000 }),
    processRecord({ pid: 4, rssBytes: 9 * MIB, ussBytes: (s < 90 ? 1 : 30) * MIB, pssReadAtMs: 1000 + Math.floor(s / 10) * 10_000 }),
    processRecord({ pid: 5, rssBytes: MIB + s * 65536, ussBytes: null, pssBytes: null, pssReadAtMs: null }),
  ];
}

test('the growth kept between readings is, at every tick, the growth fitted afresh', () => {
  const history = new ProcessHistory({ intervalMs: 1000, growthWindowMs: 60_000 });
  let compared = 0;
  for (let s = 0; s < 240; s++) {
    const monotonicMs = 1000 + s * 1000;
    history.push({ ...base, monotonicMs, timeMs: 1e12 + monotonicMs, processes: processesAt(s, monotonicMs) });
    for (let pid = 1; pid <= 5; pid++) {
      const identity = { pid, startTimeTicks: 100 };
      const kept = history.growthOf(identity);
      assert.deepEqual(kept, growthOf(history.track(identity)!, history.latestMs - history.growthWindowMs), `pid ${pid} at ${s} s`);
      if (kept !== null) compared++;
    }
  }
  assert.ok(compared > 5 * 150, `${compared} growth figures compared`);
  assert.equal(history.growthOf({ pid: 2, startTimeTicks: 100 })?.suspected, true);
  assert.equal(history.growthOf({ pid: 5, startTimeTicks: 100 })?.basis, 'rss');
  assert.equal(history.suspects, 2, 'the USS leak and the RSS one');
});
