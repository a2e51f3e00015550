/**
 * One reading of a process's mappings for `memtop maps`, or the one-line error that says why
 * there is none (no such process, smaps refused, exited while read). A thread's mappings are
 * its process's (pmap shows them too): said in a note, and read from the process.
 */
import { readMappings, type MappingsOutcome } from '../sampler/read-mappings.js';
import { threadGroupOf } from '../sampler/thread-group.js';
import { visibleText } from '../model/untrusted-text.js';
import { CliError } from './cli-error.js';
import type { openProcRoot } from './proc-root.js';

type ProcFs = ReturnType<typeof openProcRoot>;

export interface MapsReading {
  /** The process read: the one asked for, or the process of the thread asked for. */
  pid: number;
  outcome: Extract<MappingsOutcome, { kind: 'ok' }>;
  /** For stderr: the thread's process, a kernel thread, a zombie. */
  notes: string[];
  /** " (N is a thread of process P)", or "": for error messages about this process. */
  ofThread: string;
}

export function readMapsOrFail(procfs: ProcFs, asked: number): MapsReading {
  const owner = threadGroupOf(procfs, asked);
  const pid = owner ?? asked;
  const notes = owner === null ? [] : [`${asked} is a thread of process ${owner}: these are the mappings of ${owner}, which all its threads share`];
  const outcome = readMappings(procfs, pid);
  const ofThread = owner === null ? '' : ` (${asked} is a thread of process ${owner})`;
  if (outcome.kind === 'gone') {
    // A live process always has smaps; in a captured tree a refused file is left out.
    if (procfs.exists(`${pid}/stat`)) throw new CliError(`cannot read ${procfs.root}/${pid}/smaps: it is missing${ofThread}`);
    throw new CliError(`no such process: ${pid}${ofThread}`);
  }
  if (outcome.kind === 'unreadable') {
    throw new CliError(outcome.why === 'refused'
      ? `cannot read ${procfs.root}/${pid}/stat: permission denied (/proc hides other users' processes from you: hidepid)${ofThread}`
      : `cannot read process ${pid}: ${procfs.root}/${pid}/stat is not a whole stat line (cut short or corrupt)${ofThread}`);
  }
  if (outcome.kind === 'exited') {
    throw new CliError(`process ${pid} exited while its mappings were read: what was read is cut short, not shown${ofThread}`);
  }
  if (outcome.kind === 'denied') {
    throw new CliError(`cannot read ${procfs.root}/${pid}/smaps: permission denied (the kernel lets only the process's owner or root read its mappings, not the owner either when the process is not dumpable, as setuid programs are, and in a sandbox or a container may refuse root too)${ofThread}`);
  }
  if (outcome.kernelThread) notes.push(`${pid} (${visibleText(outcome.comm)}) is a kernel thread: it has no user-space mappings`);
  if (outcome.zombie) notes.push(`${pid} (${visibleText(outcome.comm)}) is a zombie: it has exited and holds no memory (its parent has not reaped it yet)`);
  return { pid, outcome, notes, ofThread };
}
