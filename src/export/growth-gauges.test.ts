import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { ProcessHistory } from '../model/process-history.js';
import { processRecord } from '../../test/helpers/process-record.js';
import { parseExposition, type Series } from '../../test/helpers/exposition.js';
import { PROC_BASIC } from '../../test/fixtures/fixture-tree.js';
import { sampleRegistry } from './sample-registry.js';
import { growthGauges } from './growth-gauges.js';

const MIB = 1024 * 1024;
const base = new Sampler({ procfs: new ProcFs(PROC_BASIC), exact: true }).sample();

function sampleAt(second: number, processes: ProcessSample[]): Sample {
  return { ...base, monotonicMs: 1000 + second * 1000, timeMs: 1e12 + second * 1000, processes };
}

/** A fresh USS reading at `second`; PSS decides the top-N order. */
function at(second: number, pid: number, comm: string, ussBytes: number, pssBytes: number): ProcessSample {
  return processRecord({ pid, comm, ussBytes, pssBytes, rssBytes: pssBytes + MIB, pssReadAtMs: 1000 + second * 1000 });
}

/** 40 s of three processes: a big steady one, a big one leaking 1 MiB/s, a small one leaking 2 MiB/s. */
function fed(): { history: ProcessHistory; last: Sample } {
  const history = new ProcessHistory({ intervalMs: 1000 });
  let last = sampleAt(0, []);
  for (let s = 0; s <= 40; s++) {
    last = sampleAt(s, [at(s, 10, 'steady', 500 * MIB, 900 * MIB), at(s, 11, 'leaky', (100 + s) * MIB, 800 * MIB), at(s, 12, 'small', 2 * s * MIB, MIB)]);
    history.push(last);
  }
  return { history, last };
}

const find = (all: Series[], name: string, pid?: number) => all.filter((s) => s.name === name && (pid === undefined || s.labels.pid === String(pid)));

test('growth per second and the suspect flag per listed process, and the suspect count', async () => {
  const { history, last } = fed();
  const all = parseExposition(await sampleRegistry(last, { topProcesses: 20, topGroups: 5, cmdline: false, extraGauges: growthGauges(history) }).metrics());
  const leaky = find(all, 'memtop_process_growth_bytes_per_second', 11)[0];
  assert.ok(Math.abs(leaky.value - MIB) < 1, `${leaky.value}`);
  assert.equal(leaky.labels.basis, 'uss');
  assert.equal(leaky.labels.comm, 'leaky');
  assert.equal(find(all, 'memtop_process_growth_bytes_per_second', 10)[0].value, 0);
  assert.equal(find(all, 'memtop_process_leak_suspected', 11)[0].value, 1);
  assert.equal(find(all, 'memtop_process_leak_suspected', 10)[0].value, 0);
  assert.equal(find(all, 'memtop_leak_suspects')[0].value, 2);
});

test('with --top 1 the largest process has series, and so does a small suspect beyond the top', async () => {
  const { history, last } = fed();
  const all = parseExposition(await sampleRegistry(last, { topProcesses: 1, topGroups: 5, cmdline: false, extraGauges: growthGauges(history) }).metrics());
  assert.deepEqual(find(all, 'memtop_process_leak_suspected').map((s) => [s.labels.pid, s.value]), [['10', 0], ['12', 1]]);
  assert.equal(find(all, 'memtop_process_uss_bytes').length, 1, 'the other metrics keep to the top 1');
});

test('before 30 s of data a process has no growth series (never 0)', async () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  let last = sampleAt(0, []);
  for (let s = 0; s <= 10; s++) history.push(last = sampleAt(s, [at(s, 11, 'leaky', (100 + s) * MIB, 800 * MIB)]));
  const all = parseExposition(await sampleRegistry(last, { topProcesses: 20, topGroups: 5, cmdline: false, extraGauges: growthGauges(history) }).metrics());
  assert.equal(find(all, 'memtop_process_growth_bytes_per_second').length, 0);
  assert.equal(find(all, 'memtop_process_leak_suspected').length, 0);
  assert.equal(find(all, 'memtop_leak_suspects')[0].value, 0);
});
