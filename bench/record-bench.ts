/**
 * `memtop record` at N idle extra processes: the file's size per hour, plain and gzip, and the
 * recorder's CPU. Two recorders (plain and .gz) run side by side at -d 1 for --seconds in a PID
 * namespace of their own with its own /proc (unshare --pid --mount-proc, needs root), so the
 * machine's other processes are not in the recording: what is recorded is the N processes of the
 * load (load.sh) and the bench itself. The hour is extrapolated, not run: a keyframe every 5
 * minutes (12 an hour) plus the deltas' bytes per second measured after the first keyframe.
 *
 * Usage: npm run build && node dist/bench/record-bench.js [--n 1000] [--seconds 330]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, memtopCommand, startLoad, writeResultsSection } from './bench-tools.js';
import { cpuSeconds } from './proc-usage.js';
import { KEYFRAME_EVERY_MS } from '../src/record/recorder.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const n = Number(option('--n', '1000'));
const seconds = Number(option('--seconds', '330'));
const WARMUP_S = 20;
const MiB = 1024 * 1024;

interface Measured {
  processes: number;
  samples: number;
  seconds: number;
  keyframes: number;
  keyframeBytes: number;
  keyframeGzipBytes: number;
  plainBytes: number;
  gzipBytes: number;
  /** Bytes per second of everything but keyframes, after the first keyframe. */
  deltaBytesPerS: number;
  gzipDeltaBytesPerS: number;
  plainCpuPercent: number;
  gzipCpuPercent: number;
}

async function inner(): Promise<void> {
  const load = startLoad(n);
  const dir = mkdtempSync(join(tmpdir(), 'memtop-record-bench-'));
  try {
    const plainPath = join(dir, 'r.ndjson');
    const gzipPath = join(dir, 'r.ndjson.gz');
    const start = (path: string) => {
      const [bin, ...args] = memtopCommand('record', '-o', path, '-d', '1');
      return spawn(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    };
    const plain = start(plainPath);
    const gzip = start(gzipPath);
    await sleep(WARMUP_S * 1000);
    const cpu0 = [cpuSeconds(plain.pid!), cpuSeconds(gzip.pid!)];
    const t0 = performance.now();
    const size0 = [statSync(plainPath).size, statSync(gzipPath).size];
    await sleep((seconds - WARMUP_S) * 1000);
    const windowS = (performance.now() - t0) / 1000;
    const cpu1 = [cpuSeconds(plain.pid!), cpuSeconds(gzip.pid!)];
    const size1 = [statSync(plainPath).size, statSync(gzipPath).size];
    const ended = [plain, gzip].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    plain.kill('SIGINT');
    gzip.kill('SIGINT');
    await Promise.all(ended);
    const lines = readFileSync(plainPath, 'utf8').split('\n').filter(Boolean);
    const keyframes = lines.filter((l) => l.startsWith('{"type":"keyframe"'));
    const samples = lines.filter((l) => l.startsWith('{"type":"keyframe"') || l.startsWith('{"type":"delta"')).length;
    const keyframeBytes = Buffer.byteLength(keyframes[0]) + 1;
    const keyframeGzipBytes = gzipSync(`${keyframes[0]}\n`).length;
    // The window's growth, less any keyframe written in it: the deltas' rate.
    const keyframesInWindow = keyframes.length - 1;
    const deltaBytesPerS = (size1[0] - size0[0] - keyframesInWindow * keyframeBytes) / windowS;
    const gzipDeltaBytesPerS = (size1[1] - size0[1] - keyframesInWindow * keyframeGzipBytes) / windowS;
    const processes = (JSON.parse(keyframes[0]) as { sample: { processes: unknown[] } }).sample.processes.length;
    const measured: Measured = {
      processes, samples, seconds, keyframes: keyframes.length, keyframeBytes, keyframeGzipBytes,
      plainBytes: statSync(plainPath).size, gzipBytes: statSync(gzipPath).size, deltaBytesPerS, gzipDeltaBytesPerS,
      plainCpuPercent: ((cpu1[0] - cpu0[0]) / windowS) * 100, gzipCpuPercent: ((cpu1[1] - cpu0[1]) / windowS) * 100,
    };
    process.stdout.write(`${JSON.stringify(measured)}\n`);
  } finally {
    load.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function outer(): void {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, self, '--inner', '--n', String(n), '--seconds', String(seconds)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`the bench in its PID namespace failed (status ${run.status}; it needs root for unshare)`);
  const m = JSON.parse(run.stdout.trim().split('\n').pop()!) as Measured;
  const perHour = 3600_000 / KEYFRAME_EVERY_MS;
  const plainHour = perHour * m.keyframeBytes + m.deltaBytesPerS * 3600;
  const gzipHour = perHour * m.keyframeGzipBytes + m.gzipDeltaBytesPerS * 3600;
  const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
  const markdown = [
    `## memtop record: size per hour and CPU at N=${n} idle extra processes, -d 1 (bench/record-bench.ts)`,
    '',
    `\`node dist/bench/record-bench.js --n ${n} --seconds ${seconds}\` — ${machineLine()}`,
    '',
    `Measured: ${m.seconds} s (${m.samples} samples, ${m.keyframes} keyframes) of ${m.processes} processes in the bench's own PID namespace; the plain and the gzip recorder side by side.`,
    '',
    '| | plain | gzip | goal |',
    '|---|---:|---:|---:|',
    `| file after ${m.seconds} s | ${mib(m.plainBytes)} | ${mib(m.gzipBytes)} | |`,
    `| one keyframe | ${(m.keyframeBytes / 1024).toFixed(0)} KiB | ${(m.keyframeGzipBytes / 1024).toFixed(0)} KiB (alone) | |`,
    `| deltas, after warm-up | ${(m.deltaBytesPerS / 1024).toFixed(2)} KiB/s | ${(m.gzipDeltaBytesPerS / 1024).toFixed(2)} KiB/s | |`,
    `| **one hour, extrapolated** (${perHour} keyframes + 3600 s of deltas) | **${mib(plainHour)}** | **${mib(gzipHour)}** | ≤ 40 MB / ≤ 8 MB |`,
    `| recorder CPU, % of a core (${m.seconds - WARMUP_S} s after ${WARMUP_S} s of warm-up) | ${m.plainCpuPercent.toFixed(1)} % | ${m.gzipCpuPercent.toFixed(1)} % | ≤ 3 % |`,
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  writeResultsSection('record-bench', markdown);
}

if (process.argv.includes('--inner')) await inner();
else outer();
