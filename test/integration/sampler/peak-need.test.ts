// PEAK (VmHWM) comes from status, which the sampler skips where smaps_rollup gives the sizes:
// the 'peak' need has status read anyway. On the live /proc (a copy of /proc always reads status).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ProcFs } from '../../../src/proc/procfs.js';
import { Sampler } from '../../../src/sampler/sampler.js';
import type { ReadNeed } from '../../../src/sampler/read-needs.js';

function ownRecord(needs: ReadNeed[]) {
  const sample = new Sampler({ procfs: new ProcFs('/proc'), exact: true, needs: new Set(needs) }).sample();
  return sample.processes.find((p) => p.pid === process.pid)!;
}

test('with rollup alone our own PEAK is unknown; with the peak need it is VmHWM from status', () => {
  assert.equal(ownRecord(['stat', 'status', 'rollup']).peakRssBytes, null);
  const peak = ownRecord(['stat', 'status', 'rollup', 'peak']).peakRssBytes;
  const hwmKib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  assert.ok(peak !== null && peak > 0);
  // The high-water mark only rises: read before our own read, it is at most the later one.
  assert.ok(peak <= hwmKib * 1024, `${peak} ≤ ${hwmKib * 1024}`);
});
