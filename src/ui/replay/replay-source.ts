/**
 * A SampleSource that plays a recording: it publishes recorded samples through the same
 * listeners as the sampler, so the store and the per-process history fill exactly as live.
 * Forward moves publish every sample in between; a move back (or far ahead) rewinds the
 * consumers and publishes again from `rebuildWindowMs` before the target, which covers the
 * growth window and the full-resolution history. A long run of samples is published in slices
 * of `sliceMs`, so keys are answered meanwhile (and a new move takes over). It reads nothing
 * live and never samples.
 */
import type { SampleListeners, SampleSource } from '../../sampler/worker/sampler-host.js';
import type { SamplingConfig } from '../../sampler/worker/sampler-protocol.js';
import { indexAtOrBefore, type Timeline } from './timeline.js';

export const REPLAY_SPEEDS = [1, 10, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** The longest wait between two samples while playing: a gap in the recording is not waited out. */
export const MAX_PLAY_WAIT_MS = 5_000;

export interface ReplayTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReplayOptions {
  startIndex: number;
  speed: ReplaySpeed;
  /** How far before a target a rebuild starts publishing (the history's full window). */
  rebuildWindowMs: number;
  config: SamplingConfig;
  pageSizeBytes?: number;
  timers?: ReplayTimers;
  /** The longest a move publishes before it lets keys and drawing in (default 50 ms; Infinity: all at once). */
  sliceMs?: number;
}

/** A move under way: samples first..to are published in turn, `next` is the one to come. */
interface Build {
  first: number;
  next: number;
  to: number;
}

export class ReplaySource implements SampleSource {
  readonly timeline: Timeline;
  private current: SamplingConfig;
  private listeners: SampleListeners | null = null;
  private readonly rewinders: (() => void)[] = [];
  private readonly changeListeners: (() => void)[] = [];
  private readonly options: ReplayOptions;
  private readonly timers: ReplayTimers;
  private timer: unknown = null;
  /** The cursor: the index last asked for (published once `build` is done), -1 before the first. */
  private shown = -1;
  private build: Build | null = null;
  private slicePending = false;
  /** The first sample the consumers hold since they were last rewound. */
  private heldFrom = 0;
  private lastMonotonicMs: number | null = null;
  private playingNow = false;
  private speedNow: ReplaySpeed;
  /** Samples published by the last move (a measure of what a rebuild costs). */
  lastMovePublished = 0;

  constructor(timeline: Timeline, options: ReplayOptions) {
    if (timeline.count === 0) throw new RangeError('a replay needs at least one sample');
    this.timeline = timeline;
    this.options = options;
    this.current = options.config;
    this.speedNow = options.speed;
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  }

  get config(): SamplingConfig {
    return this.current;
  }

  get index(): number {
    return this.shown;
  }

  get count(): number {
    return this.timeline.count;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get speed(): ReplaySpeed {
    return this.speedNow;
  }

  /** Called before a rebuild publishes again: the consumers forget what they hold. */
  onRewind(rewind: () => void): void {
    this.rewinders.push(rewind);
  }

  /** Called when the cursor, play state or speed changed (the header shows them). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  start(listeners: SampleListeners): void {
    this.listeners = listeners;
    listeners.onReady(this.options.pageSizeBytes ?? 4096);
    this.moveTo(this.options.startIndex);
  }

  /** What to read is the recorder's business: the settings are kept for the app, nothing more. */
  configure(change: Partial<SamplingConfig>): void {
    this.current = { ...this.current, ...change };
  }

  /** A recording has what it has: nothing to sample. */
  sampleNow(): void {}

  /** How far a move is, 0 to 1, while one is under way; null when the store shows the cursor's sample. */
  get progress(): number | null {
    const b = this.build;
    return b === null ? null : (b.next - b.first) / (b.to - b.first + 1);
  }

  async stop(): Promise<void> {
    this.build = null;
    this.cancelTimer();
    this.playingNow = false;
    this.listeners = null;
  }

  /** Moves the cursor to `target` (clamped to the recording). */
  moveTo(target: number): void {
    const to = Math.max(0, Math.min(this.timeline.count - 1, Math.round(target)));
    if (!this.listeners || to === this.shown) return this.changed();
    // The consumers hold samples up to `from` (a move under way has published up to next - 1).
    const from = this.build === null ? this.shown : this.build.next - 1;
    const windowStart = this.windowStart(to);
    // Going on from what the consumers hold is right when they hold the target's whole window.
    const nearAhead = from >= 0 && to > from && this.heldFrom <= windowStart
      && this.timeline.timeMs(to) - this.timeline.timeMs(from) <= this.options.rebuildWindowMs;
    let first = from + 1;
    if (!nearAhead) {
      for (const rewind of this.rewinders) rewind();
      this.lastMonotonicMs = null;
      first = windowStart;
      this.heldFrom = first;
    }
    this.build = { first: this.build !== null && nearAhead ? this.build.first : first, next: first, to };
    this.lastMovePublished = to - first + 1;
    this.shown = to;
    this.publishSlice();
  }

  /** The first sample within the rebuild window before `to`. */
  private windowStart(to: number): number {
    const edgeMs = this.timeline.timeMs(to) - this.options.rebuildWindowMs;
    const at = indexAtOrBefore(this.timeline, edgeMs);
    return this.timeline.timeMs(at) < edgeMs && at < to ? at + 1 : at;
  }

  /** Publishes the move's samples for up to sliceMs, then lets the event loop in and goes on. */
  private publishSlice(): void {
    const build = this.build;
    if (build === null) return;
    const sliceMs = this.options.sliceMs ?? 50;
    const startedMs = performance.now();
    while (build.next <= build.to) {
      this.publish(build.next++);
      if (build.next <= build.to && performance.now() - startedMs >= sliceMs) {
        if (!this.slicePending) {
          this.slicePending = true;
          setImmediate(() => {
            this.slicePending = false;
            this.publishSlice();
          });
        }
        return this.changed();
      }
    }
    this.build = null;
    if (build.to === this.timeline.count - 1) this.setPlaying(false);
    this.changed();
  }

  step(delta: number): void {
    this.moveTo(this.shown + delta);
  }

  /** Moves by wall-clock time: to the last sample at or before the cursor's time + deltaMs (at least one sample). */
  jump(deltaMs: number): void {
    this.moveTo(this.jumpTarget(this.shown, deltaMs));
  }

  /** The index `deltaMs` of recorded time away from `from` (at least one sample away). */
  jumpTarget(from: number, deltaMs: number): number {
    const target = indexAtOrBefore(this.timeline, this.timeline.timeMs(from) + deltaMs);
    return target === from ? from + Math.sign(deltaMs) : target;
  }

  setPlaying(playing: boolean): void {
    this.cancelTimer();
    this.playingNow = playing && this.shown < this.timeline.count - 1;
    if (this.playingNow) this.scheduleNext();
    this.changed();
  }

  /** ×1 → ×10 → ×60 → ×1. */
  cycleSpeed(): ReplaySpeed {
    this.speedNow = REPLAY_SPEEDS[(REPLAY_SPEEDS.indexOf(this.speedNow) + 1) % REPLAY_SPEEDS.length];
    if (this.playingNow) this.setPlaying(true);
    else this.changed();
    return this.speedNow;
  }

  private publish(index: number): void {
    const sample = this.timeline.sampleAt(index);
    // A recording appended to by a later memtop (a new session, a new monotonic clock): as at
    // a restart of memtop, the consumers begin again there (rates and growth never span the two).
    if (this.lastMonotonicMs !== null && (sample.monotonicMs < this.lastMonotonicMs || this.timeline.startsSession?.(index) === true)) {
      for (const rewind of this.rewinders) rewind();
    }
    this.lastMonotonicMs = sample.monotonicMs;
    this.listeners?.onSample(sample);
  }

  private scheduleNext(): void {
    const gapMs = this.timeline.timeMs(this.shown + 1) - this.timeline.timeMs(this.shown);
    const waitMs = Math.min(MAX_PLAY_WAIT_MS, Math.max(0, gapMs)) / this.speedNow;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.playingNow || !this.listeners) return;
      // From wherever the cursor is now (a key may have moved it while playing).
      if (this.shown + 1 < this.timeline.count) this.moveTo(this.shown + 1);
      if (this.playingNow) this.scheduleNext();
    }, waitMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
