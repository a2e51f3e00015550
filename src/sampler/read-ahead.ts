/**
 * Read-ahead for a sample that reads every process (the one-shot reports): a second thread reads
 * the files of the PIDs from the front of the list, raw, into shared memory, while this thread
 * parses them in order; whenever the next PID is not read yet, this thread reads one from the
 * back of the list itself, so the two meet somewhere in the middle. Nearly all of a sample's
 * time is the kernel's, and two cores produce /proc text faster than one.
 *
 * The sampler sees no difference: it reads through `procfs`, a ProcFs that answers from the
 * shared memory for the PID being served and reads the file system for anything else. If the
 * thread cannot start, or stalls, this thread reads everything itself.
 */
import { Worker } from 'node:worker_threads';
import { ProcFs, type ReadFailure } from '../proc/procfs.js';
import { errorOf, LAYOUT as L, publish, sharedFor, type ReadAheadPlan, type ReadAheadShared } from './read-ahead-layout.js';
import { readAheadThread } from './read-ahead-thread.js';
import { setV8Flag } from './v8-flags.js';

/** How long to wait for the thread to finish a PID before reading it here instead. */
const STALL_MS = 1000;

/** The thread's code: read-ahead-thread.ts, called with the shared memory (workerData). */
export const THREAD_SOURCE = `(${readAheadThread.toString()})(require, require('node:worker_threads').workerData);`;

export class ReadAhead {
  /** Reads through the shared memory for the entry being served, else from the file system. */
  readonly procfs: ServingProcFs;
  readonly root: string;
  /** The list and plan the thread reads by: empty until published. */
  pids: readonly number[] = [];
  plan: ReadAheadPlan = { rollup: false, statusAlways: false };
  /** The most PIDs the list may hold. */
  readonly capacity: number;
  private readonly shared: ReadAheadShared;
  private readonly worker: Worker | null;
  private readonly v8FlagsOnceUp: readonly string[];
  /** The thread's reads served here, and the PIDs this thread read itself. */
  served = 0;
  readHere = 0;

  private constructor(root: string, capacity: number, threadSource: string, v8FlagsOnceUp: readonly string[] = []) {
    this.root = root;
    this.capacity = capacity;
    this.shared = sharedFor(root, capacity, v8FlagsOnceUp);
    this.v8FlagsOnceUp = v8FlagsOnceUp;
    this.procfs = new ServingProcFs(root, this.shared);
    this.worker = startThread(this.shared, threadSource);
  }

  /**
   * Starts reading ahead; the thread reads at most `pids` (listed by the caller, once). Tests
   * give the thread other code (one that stalls) as `threadSource`.
   */
  static start(root: string, pids: readonly number[], plan: ReadAheadPlan, threadSource = THREAD_SOURCE): ReadAhead {
    const run = new ReadAhead(root, pids.length, threadSource);
    run.publish(pids, plan);
    return run;
  }

  /**
   * Starts the thread before the list exists, so that its start-up (~20–30 ms) overlaps the listing
   * (~10 ms at 3,000 processes: the kernel walks every task); publish() then hands it the list.
   * `v8FlagsOnceUp`: V8 flags (process-wide) the thread sets once it runs, for flags that would
   * slow its start if this thread set them now (see snapshot-v8.ts).
   */
  static spawn(root: string, capacity: number, threadSource = THREAD_SOURCE, v8FlagsOnceUp: readonly string[] = []): ReadAhead {
    return new ReadAhead(root, capacity, threadSource, v8FlagsOnceUp);
  }

  /** The list to read (at most `capacity` PIDs), and what to read of each. */
  publish(pids: readonly number[], plan: ReadAheadPlan): void {
    if (pids.length > this.capacity) throw new RangeError(`${pids.length} PIDs for a read-ahead of ${this.capacity}`);
    this.pids = pids;
    this.plan = plan;
    publish(this.shared, pids, plan);
  }

  /**
   * The indexes of `pids`, each once, in the order to sample them: the thread's in list order as
   * they are ready, this thread's own from the back in between. While an index is yielded,
   * `procfs` serves the thread's reads of it.
   */
  *order(): Generator<number> {
    const { states, control } = this.shared;
    const n = this.pids.length;
    let cursor = 0;
    let tail = n - 1;
    let stalled = this.worker === null;
    const pass = () => {
      cursor++;
      Atomics.store(control, L.CONSUMED, cursor);
      Atomics.notify(control, L.CONSUMED);
    };
    while (cursor < n) {
      const state = Atomics.load(states, cursor);
      if (state === L.DONE) {
        this.procfs.serve(cursor, this.pids[cursor]);
        this.served++;
        yield cursor;
        this.procfs.serve(-1, 0);
        pass();
        continue;
      }
      if (state === L.MAIN) {
        pass();
        continue;
      }
      if (!stalled) {
        // The next one is not read yet: read one from the back meanwhile, if any is left.
        while (tail > cursor && Atomics.load(states, tail) !== L.FREE) tail--;
        if (tail > cursor && Atomics.compareExchange(states, tail, L.FREE, L.MAIN) === L.FREE) {
          this.readHere++;
          yield tail--;
          continue;
        }
      }
      if (state === L.FREE) {
        if (Atomics.compareExchange(states, cursor, L.FREE, L.MAIN) === L.FREE) {
          this.readHere++;
          yield cursor;
          pass();
        }
        continue;
      }
      // READING: the thread is on it. Should it stall (or die) there, read it here, and the rest.
      if (!stalled && Atomics.wait(states, cursor, L.READING, STALL_MS) !== 'timed-out') continue;
      stalled = true;
      Atomics.store(control, L.STOP, 1);
      this.readHere++;
      yield cursor;
      pass();
    }
  }

  /** True once finish() was called, or the sampler gave up on a stalled thread. */
  get stopped(): boolean {
    return Atomics.load(this.shared.control, L.STOP) !== 0;
  }

  /** True once the thread runs its own code (it has set its V8 flags). */
  get threadRunning(): boolean {
    return Atomics.load(this.shared.control, L.FLAGS_SET) !== 0;
  }

  /**
   * Stops the thread now (it would end by itself once the list is read). Flags it was to set once
   * running and has not (it never got that far: a small or fast sample) are set here, unless
   * `setFlagsLeft` is false (a run dropped before its sample: whoever samples sets them).
   */
  finish(setFlagsLeft = true): void {
    if (setFlagsLeft && !this.threadRunning) for (const flag of this.v8FlagsOnceUp) setV8Flag(flag);
    Atomics.store(this.shared.control, L.STOP, 1);
    Atomics.notify(this.shared.control, L.CONSUMED);
    Atomics.notify(this.shared.control, L.COUNT);
    // Ended now, its teardown overlaps the report's formatting instead of delaying the exit.
    void this.worker?.terminate();
  }
}

function startThread(shared: ReadAheadShared, source: string): Worker | null {
  try {
    const worker = new Worker(source, { eval: true, workerData: shared });
    // A thread that dies in the middle of a PID shows as a stall (given up after STALL_MS, as the
    // sampler is busy and cannot take this event until the sample is done).
    worker.on('error', () => Atomics.store(shared.control, L.STOP, 1));
    worker.unref();
    return worker;
  } catch {
    return null;
  }
}

/** A ProcFs that answers the served entry's files from the shared memory. */
class ServingProcFs extends ProcFs {
  private entry = -1;
  private pidText = '';
  private prefix = '';
  private readonly ring: Buffer;

  constructor(root: string, private readonly shared: ReadAheadShared) {
    super(root);
    this.ring = Buffer.from(shared.ring);
  }

  serve(entry: number, pid: number): void {
    this.entry = entry;
    this.pidText = entry < 0 ? '' : String(pid);
    this.prefix = entry < 0 ? '' : `${this.root}/${this.pidText}/`;
  }

  override ownerOf(relPath: string): number | null {
    const uid = this.entry < 0 || relPath !== this.pidText ? -1 : this.shared.owners[this.entry];
    return uid >= 0 ? uid : super.ownerOf(relPath);
  }

  protected override readBytes(path: string, stopAtShortRead: boolean): number | ReadFailure {
    const file = this.entry < 0 || !path.startsWith(this.prefix) ? -1 : L.FILES.indexOf(path.slice(this.prefix.length));
    if (file < 0) return super.readBytes(path, stopAtShortRead);
    const place = (this.entry * L.FILES.length + file) * 2;
    const length = this.shared.places[place + 1];
    if (length === L.NOT_READ) return super.readBytes(path, stopAtShortRead);
    const code = errorOf(length);
    if (code !== null) return { code, path };
    // The bytes stay in the ring: textOf, sameBytes and copyBytes read them there.
    this.lastBytes = this.ring;
    this.lastStart = this.shared.places[place];
    return length;
  }
}
