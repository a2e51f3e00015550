/**
 * The run of `memtop leaks` (leaks-command.ts has its flags): samples on a timer into a sample
 * stream that the per-process history consumes, shows a progress line on a terminal, and prints
 * the report at the end of --duration or at Ctrl-C (SIGINT, SIGTERM, SIGHUP), whichever is first.
 */
import { Sampler } from '../sampler/sampler.js';
import type { ReadNeed } from '../sampler/read-needs.js';
import { UserNames } from '../sampler/user-names.js';
import { SampleStream } from '../model/sample-stream.js';
import { ProcessHistory } from '../model/process-history.js';
import { leakRows } from '../model/leak-rows.js';
import { MIN_GROWTH_SPAN_MS } from '../model/leak-rule.js';
import { openProcRoot } from './proc-root.js';
import { writeOutput } from './output.js';
import { EXIT_LEAK_SUSPECTED, type LeaksFlags } from './leaks-command.js';
import { leaksCsv, leaksJson, leaksTable, type LeaksRun } from './leaks-report.js';
import { openRecordingOrFail } from './recording-source.js';
import { localText } from '../record/time-point.js';

const NEEDS = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline', 'peak']);

export async function runLeaks(flags: LeaksFlags): Promise<void> {
  if (flags.from !== undefined) return leaksFromRecording(flags, flags.from);
  const procfs = openProcRoot(flags.proc);
  const intervalMs = flags.interval * 1000;
  const durationMs = flags.duration * 1000;
  // Incremental: smaps_rollup is read again for a process whose stat moved (a leaking one every
  // tick), and at least every 10 s for the others.
  const sampler = new Sampler({ procfs, users: UserNames.load(procfs), needs: NEEDS, exact: false, intervalMs });
  const history = new ProcessHistory({ intervalMs });
  let consumerError: unknown = null;
  const stream = new SampleStream((error) => { consumerError ??= error; });
  stream.subscribe((sample) => history.push(sample));

  let interrupted = false;
  let wake: (() => void) | null = null;
  const onSignal = () => {
    interrupted = true;
    wake?.();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r\x1b[K${text}`) : null;
  const startMs = performance.now();
  let samples = 0;
  try {
    for (;;) {
      stream.publish(sampler.sample());
      if (consumerError !== null) throw consumerError;
      samples++;
      const elapsedMs = performance.now() - startMs;
      progress?.(`memtop: sampling ${Math.floor(elapsedMs / 1000)} of ${flags.duration} s · ${history.size} processes · ${history.suspects} suspected · Ctrl-C stops and reports`);
      if (interrupted || elapsedMs >= durationMs) break;
      const nextMs = startMs + Math.min(durationMs, samples * intervalMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, nextMs - performance.now()));
        wake = () => { clearTimeout(timer); resolve(); };
      });
      wake = null;
      if (interrupted) break;
    }
  } finally {
    for (const signal of signals) process.removeListener(signal, onSignal);
    progress?.('');
  }
  const elapsedMs = performance.now() - startMs;
  const run: LeaksRun = { rows: leakRows(history, stream.latest), elapsedMs, samples, intervalMs, interrupted };
  const notes: string[] = [];
  if (interrupted) notes.push(`stopped after ${Math.round(elapsedMs / 1000)} s of ${flags.duration} s: the report covers what was gathered`);
  printLeaks(flags, run, notes);
}

/** The same analysis over a recording's samples, fed to the same history as live ones. */
function leaksFromRecording(flags: LeaksFlags, path: string): void {
  const recording = openRecordingOrFail(path);
  const intervalMs = recording.header.intervalMs;
  const history = new ProcessHistory({ intervalMs });
  let consumerError: unknown = null;
  const stream = new SampleStream((error) => { consumerError ??= error; });
  stream.subscribe((sample) => history.push(sample));
  for (let i = 0; i < recording.length; i++) {
    stream.publish(recording.sampleAt(i));
    if (consumerError !== null) throw consumerError;
  }
  const elapsedMs = recording.timeMs(recording.length - 1) - recording.timeMs(0);
  const run: LeaksRun = { rows: leakRows(history, stream.latest), elapsedMs, samples: recording.length, intervalMs, interrupted: false };
  const notes = [...recording.notes, `${recording.length} samples from ${path}, ${localText(recording.timeMs(0))} to ${localText(recording.timeMs(recording.length - 1))}`];
  printLeaks(flags, run, notes);
}

function printLeaks(flags: LeaksFlags, run: LeaksRun, notes: string[]): void {
  const suspects = run.rows.filter((r) => r.suspected).length;
  if (run.elapsedMs < MIN_GROWTH_SPAN_MS) notes.push(`growth needs at least ${MIN_GROWTH_SPAN_MS / 1000} s of samples: no process has a figure yet`);
  notes.push(suspects === 0 ? 'no leak suspected' : `${suspects} suspected leak${suspects === 1 ? '' : 's'} (exit ${EXIT_LEAK_SUSPECTED})`);
  const tty = process.stdout.isTTY;
  const stdout = flags.json ? leaksJson(run, tty) : flags.csv ? leaksCsv(run) : leaksTable(run, flags.limit, tty ? process.stdout.columns : undefined);
  writeOutput({ stdout, notes, exitCode: suspects > 0 ? EXIT_LEAK_SUSPECTED : undefined });
}
