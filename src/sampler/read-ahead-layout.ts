/**
 * The memory a sample shares with its read-ahead thread (read-ahead.ts, read-ahead-thread.ts):
 * one state word per PID, where each of its files landed (or why it could not be read), the
 * owner of its files, a few control words, and a ring of fixed-size slots for the files' bytes.
 *
 * The thread's code is sent as text (no module loading: it starts in ~25 ms), so it cannot
 * import these constants: they travel with the shared memory (ReadAheadShared.layout).
 */
import { v8FlagsForThreads } from './v8-flags.js';
import { rawFs } from '../proc/raw-fs.js';

/** Entry states. The thread claims FREE → READING → DONE; the sampler claims FREE → MAIN. */
export const LAYOUT = {
  FREE: 0,
  MAIN: 1,
  READING: 2,
  DONE: 3,
  /** The files of an entry. */
  FILES: ['stat', 'cmdline', 'smaps_rollup', 'status'] as readonly string[],
  STAT: 0,
  CMDLINE: 1,
  ROLLUP: 2,
  STATUS: 3,
  /** A length of NOT_READ: the sampler reads the file itself. Below it: -2 - index of the errno. */
  NOT_READ: -1,
  ERRORS: ['ENOENT', 'ESRCH', 'EACCES', 'EPERM', 'EIO'] as readonly string[],
  /**
   * Each entry's files share one slot, one page: stat, smaps_rollup and cmdline fit in ~2 KiB
   * (a file that does not fit is left to the sampler). The ring lets the thread get SLOTS
   * entries ahead of the sampler (~60 ms of reading): 4 MiB, whose pages are touched only as
   * far as the thread gets.
   */
  SLOT_BYTES: 4096,
  SLOTS: 1024,
  /**
   * Control words: how many entries the sampler has passed (frees their slots); stop; how many
   * PIDs the list holds (-1 until it is published: the thread starts before the list exists);
   * the plan (PLAN_ROLLUP | PLAN_STATUS_ALWAYS); 1 once the thread has set its V8 flags.
   */
  CONSUMED: 0,
  STOP: 1,
  COUNT: 2,
  PLAN: 3,
  FLAGS_SET: 4,
  PLAN_ROLLUP: 1,
  PLAN_STATUS_ALWAYS: 2,
} as const;

export type Layout = typeof LAYOUT;

/** Below this many processes, starting the read-ahead thread costs more than it saves. */
export const READ_AHEAD_MIN_PIDS = 300;

/** What the thread reads for each PID, besides stat and cmdline. */
export interface ReadAheadPlan {
  /** smaps_rollup (the sampler wants PSS and the kernel has the rollup). */
  rollup: boolean;
  /** status for every process (a copy of /proc, or no rollup); else only where the rollup failed. */
  statusAlways: boolean;
}

/**
 * What the sampler will ask for: the rollup when it reads PSS and the kernel has it; status for
 * every process when there is no rollup (SHR) or the files do not show the owner (a copy of
 * /proc: the uid comes from status).
 */
export function readAheadPlan(procfs: { filesShowOwner: boolean }, readDetail: boolean, detailFile: 'smaps_rollup' | 'smaps'): ReadAheadPlan {
  const rollup = readDetail && detailFile === 'smaps_rollup';
  return { rollup, statusAlways: !rollup || !procfs.filesShowOwner };
}

export interface ReadAheadShared {
  layout: Layout;
  /** Run-time V8 flags of the creating thread, set again by the thread (v8-flags.ts). */
  v8Flags: string[];
  /** The thread calls Node's fs binding directly, as this thread's raw-fs.ts found safe. */
  fsBinding: boolean;
  root: string;
  /** Room for this many PIDs; the list itself comes later (publish). */
  pids: Int32Array;
  states: Int32Array;
  /** Per entry and file: [offset in the ring, length or NOT_READ or an error code]. */
  places: Int32Array;
  /** Per entry: the owner of /proc/PID (the effective uid), or -1. */
  owners: Int32Array;
  control: Int32Array;
  ring: SharedArrayBuffer;
}

/**
 * Shared memory for up to `capacity` PIDs. Its pages are touched only as far as the list goes,
 * so a generous capacity (before the list is known) costs address space, not memory. The thread
 * sets this thread's V8 flags first thing (v8-flags.ts), then `v8FlagsOnceUp`.
 */
export function sharedFor(root: string, capacity: number, v8FlagsOnceUp: readonly string[] = []): ReadAheadShared {
  const words = (count: number) => new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
  const shared: ReadAheadShared = {
    layout: LAYOUT,
    v8Flags: [...v8FlagsForThreads(), ...v8FlagsOnceUp],
    fsBinding: rawFs.kind === 'binding',
    root,
    pids: words(capacity),
    states: words(capacity),
    places: words(capacity * LAYOUT.FILES.length * 2),
    owners: words(capacity),
    control: words(5),
    ring: new SharedArrayBuffer(LAYOUT.SLOT_BYTES * LAYOUT.SLOTS),
  };
  shared.control[LAYOUT.COUNT] = -1;
  return shared;
}

/** Hands the thread its list and plan (it waits for them). The list fits the capacity. */
export function publish(shared: ReadAheadShared, pids: readonly number[], plan: ReadAheadPlan): void {
  shared.pids.set(pids);
  const flags = (plan.rollup ? LAYOUT.PLAN_ROLLUP : 0) | (plan.statusAlways ? LAYOUT.PLAN_STATUS_ALWAYS : 0);
  Atomics.store(shared.control, LAYOUT.PLAN, flags);
  Atomics.store(shared.control, LAYOUT.COUNT, pids.length);
  Atomics.notify(shared.control, LAYOUT.COUNT);
}

/** The errno name of a negative length, or null for a length (or NOT_READ). */
export function errorOf(length: number): string | null {
  return length < LAYOUT.NOT_READ ? LAYOUT.ERRORS[-2 - length] ?? 'EIO' : null;
}
