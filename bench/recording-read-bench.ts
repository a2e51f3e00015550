/**
 * The recording reader on an hour at N=1000 (synthetic: a real process record of the proc-basic
 * fixture copied to 1,000 PIDs; each second one in 30 has its PSS re-read and MemFree moves, as
 * at N=1000 idle with --max-staleness 30): how long openRecording takes, the memory it holds, a
 * step forward, and the worst seek (299 deltas after a keyframe).
 *
 * Usage: npm run build && node dist/bench/recording-read-bench.js
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedSamples } from '../test/helpers/recorded-samples.js';
import type { ProcessSample } from '../src/sampler/sample.js';
import { SampleEncoder } from '../src/record/sample-codec.js';
import { encodeRecord, FORMAT_NAME, FORMAT_VERSION } from '../src/record/record-format.js';
import { openRecording } from '../src/record/open-recording.js';
import { KEYFRAME_EVERY_MS } from '../src/record/recorder.js';
import { machineLine, writeResultsSection } from './bench-tools.js';

const SAMPLES = 3600;
const [base] = recordedSamples(1);
const template = base.processes.find((p) => p.comm === 'sleep')!;
let processes: ProcessSample[] = Array.from({ length: 1000 }, (_, i) => ({ ...template, pid: 10_000 + i, cmdline: `loadgen child ${i}` }));
const encoder = new SampleEncoder(KEYFRAME_EVERY_MS);
const lines = [encodeRecord({ type: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, memtopVersion: 'bench', host: 'h', kernel: 'k', pageSizeBytes: 4096, intervalMs: 1000, startedMs: base.timeMs })];
for (let t = 0; t < SAMPLES; t++) {
  processes = processes.map((p, i) => (i % 30 === t % 30 ? { ...p, pssReadAtMs: t * 1000 + i } : p));
  const meminfo = { ...base.system.meminfo, MemFree: base.system.meminfo.MemFree - t * 4096 };
  lines.push(encodeRecord(encoder.encode({ ...base, timeMs: base.timeMs + t * 1000, monotonicMs: t * 1000, system: { ...base.system, meminfo }, processes })));
}
const dir = mkdtempSync(join(tmpdir(), 'memtop-read-bench-'));
try {
  const path = join(dir, 'hour.ndjson');
  writeFileSync(path, lines.join(''));
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const recording = openRecording(path);
  const openMs = performance.now() - t0;
  const heldMiB = (process.memoryUsage().rss - rssBefore) / 1024 ** 2;
  t0 = performance.now();
  for (let i = 0; i < SAMPLES; i++) recording.sampleAt(i);
  const stepMs = (performance.now() - t0) / SAMPLES;
  const worst = 2 * (KEYFRAME_EVERY_MS / 1000) - 1;
  t0 = performance.now();
  recording.sampleAt(worst);
  const seekMs = performance.now() - t0;
  const markdown = [
    '## Reading a recording: an hour at N=1000 (bench/recording-read-bench.ts)',
    '',
    `\`node dist/bench/recording-read-bench.js\` — ${machineLine()}`,
    '',
    `A synthetic hour (${SAMPLES} samples of 1,000 processes, ${(statSync(path).size / 1024 ** 2).toFixed(1)} MiB plain):`,
    '',
    '| openRecording | memory it added (RSS) | a step forward | the worst seek (299 deltas after a keyframe) |',
    '|---:|---:|---:|---:|',
    `| ${openMs.toFixed(0)} ms | ${heldMiB.toFixed(0)} MiB | ${stepMs.toFixed(2)} ms | ${seekMs.toFixed(0)} ms |`,
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  writeResultsSection('recording-read-bench', markdown);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
