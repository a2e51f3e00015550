/**
 * V8 flags memtop sets at run time (v8.setFlagsFromString), set again in every thread it starts.
 * V8's flags are process-wide, and Node puts some back to the command line's while a worker
 * thread starts: measured on Node 20, the young generation's growth factor set before
 * `new Worker()`, or after it but before the thread is online, is back to its default once the
 * thread runs (`--no-opt` stays set). So each thread memtop starts gets the list
 * (v8FlagsForThreads) and sets them again first thing (restoreV8Flags), from its own side, after
 * Node is done with them.
 */
import { setFlagsFromString } from 'node:v8';

const flags: string[] = [];

export function setV8Flag(flag: string): void {
  if (!flags.includes(flag)) flags.push(flag);
  setFlagsFromString(flag);
}

/** The flags this thread has set so far (setV8Flag), for a thread about to start. */
export function v8FlagsForThreads(): string[] {
  return [...flags];
}

/** In a new thread: the flags of its creator, set again. */
export function restoreV8Flags(list: readonly string[] | undefined): void {
  for (const flag of list ?? []) setFlagsFromString(flag);
}
