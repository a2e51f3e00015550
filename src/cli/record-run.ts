/**
 * The run of `memtop record` (record-command.ts has its flags): opens the recording first (an
 * unwritable path or a file that is no recording fails before anything is sampled), starts the
 * sampler worker, and has the recorder consume the sample stream until --count, --duration,
 * --max-size, SIGINT or SIGTERM; a write that fails (a full disk) ends it with one line, exit 1,
 * and what was written before stays readable.
 */
import type { ReadNeed } from '../sampler/read-needs.js';
import { WorkerSampleSource } from '../sampler/worker/sampler-host.js';
import { SampleStream } from '../model/sample-stream.js';
import { RecordingWriter } from '../record/recording-writer.js';
import { Recorder, type RecordingSummary } from '../record/recorder.js';
import { recordingHeader } from '../record/recording-header.js';
import { RecordingError } from '../record/recording-error.js';
import { DEFAULT_PAGE_SIZE_BYTES } from '../sampler/page-size.js';
import { CliError } from './cli-error.js';
import { openProcRoot } from './proc-root.js';
import { quietRepeats } from './quiet-repeats.js';
import { humanBytes } from '../model/human-units.js';
import type { RecordFlags } from './record-command.js';

/** Everything a view or a report may want of a recorded sample. */
const NEEDS = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline', 'cgroup', 'peak']);

export async function runRecord(flags: RecordFlags): Promise<void> {
  const procRoot = openProcRoot(flags.proc).root;
  const intervalMs = flags.delay * 1000;
  let writer: RecordingWriter;
  try {
    writer = RecordingWriter.open(flags.output, { maxSizeBytes: flags.maxSize });
  } catch (error) {
    throw error instanceof RecordingError ? new CliError(error.message) : error;
  }
  const say = (text: string) => process.stderr.write(`memtop record: ${text}\n`);
  const warn = quietRepeats((text) => say(text.split('\n')[0]));
  let pageSizeBytes = DEFAULT_PAGE_SIZE_BYTES;
  const recorder = new Recorder({
    writer, count: flags.count,
    header: (first) => recordingHeader({ procRoot, pageSizeBytes, intervalMs, startedMs: first.timeMs }),
  });
  const samples = new SampleStream((error) => warn(error instanceof Error ? error.message : String(error)));
  samples.subscribe((sample) => recorder.onSample(sample));
  const source = new WorkerSampleSource(procRoot, {
    needs: NEEDS, exact: false, maxStalenessMs: flags.maxStaleness * 1000, intervalMs, paused: false, mappingsOf: null,
  });
  source.start({
    onReady: (bytes) => { pageSizeBytes = bytes; },
    onSample: (sample) => samples.publish(sample),
    onMappings: () => {},
    onError: (error) => warn(error.message),
  });
  const where = flags.output === '-' ? 'standard output' : flags.output;
  say(`recording every ${flags.delay} s ${writer.appending ? 'onto the end of' : 'into'} ${where}${flags.count ? `, ${flags.count} samples` : ''}${flags.duration ? ` for ${flags.duration} s` : ''}; Ctrl-C stops`);
  const stop = (reason: string) => () => void recorder.stop(reason);
  const onSignal = stop('signal');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const timer = flags.duration !== undefined ? setTimeout(stop('duration'), flags.duration * 1000) : null;
  let summary: RecordingSummary;
  try {
    summary = await recorder.done;
  } finally {
    if (timer) clearTimeout(timer);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await source.stop();
  }
  const held = summary.samples === 0 ? 'no sample' : `${summary.samples} sample${summary.samples === 1 ? '' : 's'}, ${clock(summary.firstMs!)} to ${clock(summary.lastMs!)}`;
  if (summary.error !== undefined) {
    const what = summary.error instanceof RecordingError ? summary.error.message : `cannot write ${where}: ${summary.error.message}`;
    const kept = summary.samples === 0 ? 'no sample was written before it'
      : `the ${summary.samples === 1 ? 'sample' : `${summary.samples} samples`} written before it (${clock(summary.firstMs!)} to ${clock(summary.lastMs!)}) ${summary.samples === 1 ? 'stays' : 'stay'} readable`;
    throw new CliError(`${what}; ${kept}`);
  }
  const size = flags.output === '-' ? '' : `, ${humanBytes(summary.sizeBytes)} in ${where}`;
  say(`${held}${size}${summary.reason === 'max-size' ? ' (stopped at --max-size)' : ''}`);
}

function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}
