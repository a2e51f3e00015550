/** The run of `memtop trace` (trace-command.ts has its flags): trace, wait for the end, report. */
import { CliError } from './cli-error.js';
import { jsonOutput } from './json-output.js';
import { traceReport } from './trace-report.js';
import { TraceError, TraceSession, NO_STACKS } from '../trace/trace-session.js';
import { summarize } from '../trace/trace-summary.js';
import { TraceFileError, checkWritable, writeFlameSvg, writeFolded } from '../trace/trace-files.js';
import { visibleText } from '../model/untrusted-text.js';
import type { TraceFlags } from './trace-command.js';

export async function runTrace(pid: number, flags: TraceFlags): Promise<void> {
  let session: TraceSession;
  try {
    // A file that cannot be written is said before the trace, not after it.
    for (const path of [flags.folded, flags.svg]) if (path) checkWritable(path);
    session = new TraceSession(pid, { stacks: flags.stacks });
  } catch (err) {
    if (err instanceof TraceError || err instanceof TraceFileError) throw new CliError(err.message);
    throw err;
  }
  const name = `${visibleText(session.target.comm)} (${pid})`;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = () => void session.stop();
  for (const signal of signals) process.on(signal, onSignal);
  let timer: NodeJS.Timeout | undefined;
  try {
    await session.attached;
    if (session.state === 'tracing') {
      process.stderr.write(`memtop: tracing ${name} with strace${flags.duration ? ` for ${flags.duration} s` : ''}; Ctrl-C stops (tracing slows the target)\n`);
      if (!session.stackTraces && flags.stacks !== false) process.stderr.write(`memtop: ${NO_STACKS}\n`);
      if (flags.duration) timer = setTimeout(() => void session.stop(), flags.duration * 1000);
    }
    await session.ended;
  } finally {
    clearTimeout(timer);
    await session.stop();
    for (const signal of signals) process.removeListener(signal, onSignal);
  }
  const exitedEarly = session.endReason !== null && /exited during the trace$/.test(session.endReason);
  if (session.endReason !== null && !exitedEarly) throw new CliError(session.endReason);
  const summary = summarize(session.tally, { pid, comm: session.target.comm, durationMs: (session.endedMs ?? Date.now()) - session.startedMs, stackTraces: session.stackTraces });
  process.stdout.write(flags.json ? jsonOutput(summary, process.stdout.isTTY) : traceReport(summary, process.stdout.isTTY ? process.stdout.columns : 120));
  // The report is out first: a file that fails now loses nothing of what was gathered.
  try {
    if (flags.folded) writeFolded(flags.folded, session.tally);
    if (flags.svg) writeFlameSvg(flags.svg, session.tally, `memtop trace: ${session.target.comm} (${pid}), bytes mapped net`);
  } catch (err) {
    if (err instanceof TraceFileError) throw new CliError(err.message);
    throw err;
  }
  if (exitedEarly) throw new CliError(`${session.endReason}: the tally above is what was gathered`);
}

