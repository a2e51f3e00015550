/**
 * What a replay's moves cost on a long recording: a step forward (one sample published), a step
 * back (the store and history rebuilt from the history window before the target, or from the
 * recording's start), and the recording reader's cost per sample when read in order. The
 * recording is an hour at -d 1: `--base` real samples of this machine's /proc (taken back to
 * back on a clock that moves 1 s a sample), repeated with their times moved on; the reader's
 * cost is measured on those base samples written as a real recording file.
 *
 * Usage: npm run build && node dist/bench/replay-bench.js [--samples 3600] [--base 60] [--n 0] [--history 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, median, startLoad, writeResultsSection } from './bench-tools.js';
import { ProcFs } from '../src/proc/procfs.js';
import { Sampler } from '../src/sampler/sampler.js';
import type { Sample } from '../src/sampler/sample.js';
import { Store, DEFAULT_HISTORY_POINTS } from '../src/model/store.js';
import { ProcessHistory } from '../src/model/process-history.js';
import { ReplaySource } from '../src/ui/replay/replay-source.js';
import type { Timeline } from '../src/ui/replay/timeline.js';
import { forgetSamples } from '../src/ui/replay/forget-samples.js';
import { openRecording } from '../src/record/open-recording.js';
import { writeRecording } from '../test/helpers/write-recording.js';
import { FakeClock } from '../test/helpers/fake-clock.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const total = Number(option('--samples', '3600'));
const baseCount = Number(option('--base', '60'));
const n = Number(option('--n', '0'));
const historyMinutes = Number(option('--history', '10'));
const INTERVAL_MS = 1000;

const load = n > 0 ? startLoad(n) : null;
const dir = mkdtempSync(join(tmpdir(), 'memtop-replay-bench-'));
try {
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs: new ProcFs('/proc'), clock, exact: true });
  const base: Sample[] = [];
  for (let i = 0; i < baseCount; i++, clock.advance(INTERVAL_MS)) base.push(sampler.sample());
  const processes = median(base.map((s) => s.processes.length));

  // The reader: the base samples as a real file, read in order.
  const file = join(dir, 'base.ndjson');
  writeRecording(file, base);
  const recording = openRecording(file);
  const readStart = performance.now();
  for (let i = 0; i < recording.length; i++) recording.sampleAt(i);
  const readerMs = (performance.now() - readStart) / recording.length;

  const periodMs = baseCount * INTERVAL_MS;
  const shifted = (i: number): Sample => {
    const s = base[i % baseCount];
    const byMs = Math.floor(i / baseCount) * periodMs;
    return { ...s, timeMs: s.timeMs + byMs, monotonicMs: s.monotonicMs + byMs };
  };
  const timeline: Timeline = { count: total, timeMs: (i) => shifted(i).timeMs, sampleAt: shifted };
  const windowMs = Math.max(historyMinutes * 60_000, DEFAULT_HISTORY_POINTS * INTERVAL_MS);

  const run = (rebuildWindowMs: number, moves: number) => {
    const store = new Store();
    let history = new ProcessHistory({ intervalMs: INTERVAL_MS, fullWindowMs: historyMinutes * 60_000 });
    store.processHistory = history;
    const source = new ReplaySource(timeline, {
      // All at once, to time the whole move (the UI publishes it in slices between keys and frames).
      startIndex: total - 1, speed: 1, rebuildWindowMs, sliceMs: Infinity,
      config: { needs: new Set(['stat']), exact: true, maxStalenessMs: 0, intervalMs: INTERVAL_MS, paused: true, mappingsOf: null },
    });
    source.onRewind(() => {
      forgetSamples(store);
      history = new ProcessHistory({ intervalMs: INTERVAL_MS, fullWindowMs: historyMinutes * 60_000 });
      store.processHistory = history;
    });
    // As the screen does after each move: growth and suspects are computed on first ask.
    const onSample = (sample: Sample) => { store.push(sample); history.push(sample); };
    source.start({ onReady: () => {}, onSample, onMappings: () => {}, onError: (e) => { throw e; } });
    const timed = (move: () => void) => {
      const t0 = performance.now();
      move();
      void history.suspects;
      return { ms: performance.now() - t0, published: source.lastMovePublished };
    };
    const back = Array.from({ length: moves }, () => timed(() => source.step(-1)));
    const forward = Array.from({ length: moves }, () => timed(() => source.step(1)));
    const minute = timed(() => source.jump(-60_000));
    return { back, forward, minute };
  };
  const fromWindow = run(windowMs, 3);
  const fromStart = run(Number.MAX_SAFE_INTEGER, 1);
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  const row = (what: string, r: { ms: number; published: number }[]) => {
    const m = median(r.map((x) => x.ms));
    const published = r[0].published;
    return `| ${what} | ${published} | ${ms(m)} | ${ms(m + published * readerMs)} |`;
  };
  const markdown = `## memtop replay: what a move costs on an hour's recording (bench/replay-bench.ts)

\`npm run build && node dist/bench/replay-bench.js --samples ${total} --base ${baseCount} --n ${n} --history ${historyMinutes}\` — ${machineLine()}.

A ${total}-sample recording at -d 1 (${total / 3600} h) of this machine's /proc (median ${processes} processes a sample${n > 0 ? `, ${n} of them extra` : ''}): ${baseCount} real samples repeated with their times moved on.
The store and the per-process history are fed as in the UI; a move back rebuilds them from the history window (${windowMs / 60_000} min: --history, and the store's ${DEFAULT_HISTORY_POINTS} system points) before the target, or from the start.
The recording reader (src/record) rebuilds a sample from the one before in ${ms(readerMs)} (measured on the base samples written as a file); "with the reader" adds that per sample published. Medians of 3 moves (from the start: 1). The UI publishes a long move in slices of 50 ms, so keys go on meanwhile (the status line says how far it is).

| move | samples published | store + history | with the reader |
|---|---|---|---|
${row('step forward (→)', fromWindow.forward)}
${row(`step back (←), rebuilt from ${windowMs / 60_000} min before`, fromWindow.back)}
${row('step back (←), rebuilt from the start', fromStart.back)}
${row('a minute back ([), from the window', [fromWindow.minute])}
`;
  console.log(markdown);
  console.log(`written to ${writeResultsSection('replay-bench', markdown)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  load?.stop();
}
