/**
 * The per-process history: a consumer of the sample stream (subscribe `push`) that keeps every
 * process's RSS, PSS, USS, swap and CPU over time, keyed by pid + start time, from the samples
 * alone (it reads nothing). Full resolution for `fullWindowMs` (--history), one min/mean/max
 * point a minute for `minutesWindowMs`; a process gone for longer than the full window is
 * dropped. Each track stores change points in pools shared by all (process-track.ts, one tick
 * ring, no typed array per process). Growth and leak suspicion are worked out on the first ask
 * after a sample, each track's kept while its readings in the window stay the same
 * (track-growth.ts). Needs no terminal: `memtop leaks` uses it as the UI does.
 */
import type { ProcessIdentity, Sample } from '../sampler/sample.js';
import { ProcessTrack } from './process-track.js';
import { refreshTrackGrowth, type Growth } from './track-growth.js';
import { TrackSpace } from './track-space.js';

export const DEFAULT_FULL_WINDOW_MS = 10 * 60_000;
export const DEFAULT_MINUTES_WINDOW_MS = 6 * 3_600_000;
export const DEFAULT_GROWTH_WINDOW_MS = 5 * 60_000;

export interface HistoryOptions {
  fullWindowMs?: number;
  minutesWindowMs?: number;
  /** The window of the growth fit; at most the full window. */
  growthWindowMs?: number;
  /** The sampling interval: sizes the full-resolution rings (they hold fullWindowMs of it). */
  intervalMs: number;
}

export { growthOf, type Growth } from './track-growth.js';

export class ProcessHistory {
  readonly fullWindowMs: number;
  readonly minutesWindowMs: number;
  readonly growthWindowMs: number;
  private readonly space: TrackSpace;
  /** By PID, the newest process with it; an older one (the PID reused) follows in track.older. */
  private readonly tracks = new Map<number, ProcessTrack>();
  private trackCount = 0;
  private originMs: number | null = null;
  private nowMs = 0;
  /** The minute of the latest sample: entering the next one closes every track's minute. */
  private minute = -1;
  /** Bumped on every push: growth is computed once per version. */
  version = 0;
  private growthVersion = -1;
  private suspectCount = 0;

  constructor(options: HistoryOptions) {
    this.fullWindowMs = options.fullWindowMs ?? DEFAULT_FULL_WINDOW_MS;
    this.minutesWindowMs = options.minutesWindowMs ?? DEFAULT_MINUTES_WINDOW_MS;
    this.growthWindowMs = Math.min(options.growthWindowMs ?? DEFAULT_GROWTH_WINDOW_MS, this.fullWindowMs);
    const fullCapacity = Math.ceil(this.fullWindowMs / Math.max(1, options.intervalMs)) + 2;
    this.space = new TrackSpace(fullCapacity, Math.ceil(this.minutesWindowMs / 60_000) + 1);
  }

  /** Adds a sample (subscribe this to the SampleStream). */
  push(sample: Sample): void {
    // Times are kept as whole ms since the first sample, on the sample's monotonic clock.
    this.originMs ??= Math.floor(sample.monotonicMs);
    const timeMs = Math.max(0, Math.round(sample.monotonicMs - this.originMs));
    this.nowMs = timeMs;
    const tick = this.space.ticks.push(timeMs);
    const minute = Math.floor(timeMs / 60_000);
    if (minute !== this.minute) for (const track of this.allTracks()) track.closeMinute();
    this.minute = minute;
    for (const p of sample.processes) {
      if (p.kernelThread) continue;
      let track = this.track(p);
      if (!track) {
        track = new ProcessTrack({ pid: p.pid, startTimeTicks: p.startTimeTicks }, this.space);
        track.older = this.tracks.get(p.pid) ?? null;
        this.tracks.set(p.pid, track);
        this.trackCount++;
      }
      track.add(p, tick, timeMs, sample.monotonicMs);
    }
    const fullFrom = timeMs - this.fullWindowMs;
    this.space.ticks.dropBefore(fullFrom);
    this.space.firstMinute = Math.max(0, Math.ceil((timeMs - this.minutesWindowMs) / 60_000));
    for (const [pid, newest] of this.tracks) {
      let newer: ProcessTrack | null = null;
      for (let track: ProcessTrack | null = newest; track !== null; track = track.older) {
        if (track.lastSeenMs >= fullFrom) {
          track.prune();
          newer = track;
          continue;
        }
        track.release();
        this.trackCount--;
        if (newer !== null) newer.older = track.older;
        else if (track.older !== null) this.tracks.set(pid, track.older);
        else this.tracks.delete(pid);
      }
    }
    this.version++;
  }

  /** Ms since the first sample, of the latest one: the time axis of every track. */
  get latestMs(): number {
    return this.nowMs;
  }

  get size(): number {
    return this.trackCount;
  }

  track(identity: ProcessIdentity): ProcessTrack | undefined {
    let track = this.tracks.get(identity.pid);
    while (track !== undefined && track.identity.startTimeTicks !== identity.startTimeTicks) track = track.older ?? undefined;
    return track;
  }

  *allTracks(): IterableIterator<ProcessTrack> {
    for (const newest of this.tracks.values()) {
      for (let track: ProcessTrack | null = newest; track !== null; track = track.older) yield track;
    }
  }

  /** The growth over the growth window, or null until there are MIN_GROWTH_SPAN_MS of data. */
  growthOf(identity: ProcessIdentity): Growth | null {
    this.refreshGrowth();
    const track = this.track(identity);
    return track !== undefined && track.lastSeenMs === this.nowMs ? track.growth : null;
  }

  /** Processes suspected of leaking now. */
  get suspects(): number {
    this.refreshGrowth();
    return this.suspectCount;
  }

  private refreshGrowth(): void {
    if (this.growthVersion === this.version) return;
    this.growthVersion = this.version;
    this.suspectCount = 0;
    const from = this.nowMs - this.growthWindowMs;
    for (const track of this.allTracks()) {
      if (track.lastSeenMs !== this.nowMs) {
        track.growth = null; // gone: no current growth
        continue;
      }
      if (refreshTrackGrowth(track, from)?.suspected) this.suspectCount++;
    }
  }

  /** Bytes held by the typed arrays (the pools the tracks' rows live in, and the tick times). */
  get byteSize(): number {
    return this.space.byteSize;
  }

  /** Rows held by all tracks, by kind: what the pools' bytes are made of. */
  get rowCounts(): { counters: number; details: number; minutes: number } {
    const sum = { counters: 0, details: 0, minutes: 0 };
    for (const track of this.allTracks()) {
      const rows = track.rowCounts;
      sum.counters += rows.counters;
      sum.details += rows.details;
      sum.minutes += rows.minutes;
    }
    return sum;
  }
}
