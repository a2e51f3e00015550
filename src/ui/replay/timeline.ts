/**
 * What replay needs of a recording: how many whole samples it holds, when each was taken, and
 * each one in full. The recording reader (src/record) gives this; tests build it from real
 * samples. Indexes run 0..count-1 in recorded order; times are wall-clock ms since the epoch.
 */
import type { Sample } from '../../sampler/sample.js';

export interface Timeline {
  readonly count: number;
  timeMs(index: number): number;
  sampleAt(index: number): Sample;
  /** True where a later recording session (appended to the file) begins. */
  startsSession?(index: number): boolean;
}

/** A timeline over samples held in memory (a short recording, or a test's real samples). */
export function arrayTimeline(samples: readonly Sample[]): Timeline {
  return { count: samples.length, timeMs: (i) => samples[i].timeMs, sampleAt: (i) => samples[i] };
}

/** The last index whose time is at or before `timeMs` (0 when every sample is later). */
export function indexAtOrBefore(timeline: Timeline, timeMs: number): number {
  let low = 0;
  let high = timeline.count - 1;
  // Binary search for the last sample not after timeMs; recorded times only go forward.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (timeline.timeMs(mid) <= timeMs) low = mid;
    else high = mid - 1;
  }
  return low;
}
