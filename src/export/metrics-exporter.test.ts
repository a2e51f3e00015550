import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { PROC_BASIC } from '../../test/fixtures/fixture-tree.js';
import { MetricsExporter } from './metrics-exporter.js';

const sample = new Sampler({ procfs: new ProcFs(PROC_BASIC), exact: true }).sample();
const OPTIONS = { topProcesses: 5, topGroups: 5, cmdline: false };

const bodyOf = async (exporter: MetricsExporter) => (await exporter.exposition()).body.map(String).join('');

test('the latest sample is served; the age is measured at the scrape', async () => {
  let nowMs = sample.timeMs + 10_000;
  const exporter = new MetricsExporter(OPTIONS, () => nowMs);
  assert.equal((await exporter.exposition()).status, 503);
  exporter.onSample(sample);
  exporter.onSample({ ...sample, timeMs: sample.timeMs + 4_000 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const body = await bodyOf(exporter);
  assert.match(body, new RegExp(`^memtop_sample_timestamp_seconds ${(sample.timeMs + 4_000) / 1000}$`, 'm'));
  assert.match(body, /^memtop_sample_age_seconds 6$/m);
  nowMs += 1_500;
  assert.match(await bodyOf(exporter), /^memtop_sample_age_seconds 7\.5$/m);
});

test('a sample whose render fails is counted, and the previous sample stays served', async () => {
  const exporter = new MetricsExporter({
    ...OPTIONS,
    extraGauges: [{
      name: 'memtop_test_gauge', help: 'fails on the second sample', labelNames: [],
      values: (s) => { if (s.timeMs !== sample.timeMs) throw new Error('broken'); return [{ labels: {}, value: 1 }]; },
    }],
  });
  exporter.onSample(sample);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.throws(() => exporter.onSample({ ...sample, timeMs: sample.timeMs + 1_000 }), /broken/);
  exporter.noteError('sampler');
  const body = await bodyOf(exporter);
  assert.match(body, new RegExp(`^memtop_sample_timestamp_seconds ${sample.timeMs / 1000}$`, 'm'));
  assert.match(body, /^memtop_test_gauge 1$/m);
  assert.match(body, /^memtop_errors_total\{where="render"\} 1$/m);
  assert.match(body, /^memtop_errors_total\{where="sampler"\} 1$/m);
});
