/**
 * A track's growth: the least-squares fit of its USS readings over the growth window, or of its
 * RSS (one point a tick) when it has too few USS readings there, and whether that is a suspected
 * leak (leak-rule.ts). A USS fit depends only on the readings inside the window, so it is kept
 * until one enters or leaves it: an idle process is refitted once a reading, not once a tick.
 */
import { fitLine, type Fit } from './growth.js';
import { MIN_GROWTH_SPAN_MS, enoughData, isSuspectedLeak } from './leak-rule.js';
import type { ProcessTrack } from './process-track.js';

export interface Growth {
  fit: Fit;
  /** USS where the process has USS readings in the window, else RSS (PSS/USS refused or not read). */
  basis: 'uss' | 'rss';
  suspected: boolean;
}

/** The growth of one track from `fromMs`: USS when it has enough USS readings there, else RSS. */
export function growthOf(track: ProcessTrack, fromMs: number): Growth | null {
  const ussFit = fitLine(track.points('uss'), fromMs);
  if (enoughData(ussFit)) return { fit: ussFit, basis: 'uss', suspected: isSuspectedLeak(ussFit) };
  const rssFit = fitLine(track.points('rss'), fromMs);
  if (enoughData(rssFit)) return { fit: rssFit, basis: 'rss', suspected: isSuspectedLeak(rssFit) };
  return null;
}

/** growthOf, kept on the track (track.growth) while the USS readings in the window stay the same. */
export function refreshTrackGrowth(track: ProcessTrack, fromMs: number): Growth | null {
  // No fit spans more than the process has been seen in the window: under MIN_GROWTH_SPAN_MS, none counts.
  if (track.lastSeenMs - Math.max(fromMs, track.firstSeenMs) < MIN_GROWTH_SPAN_MS) return (track.growth = null);
  const last = track.lastReadingTick;
  // Readings only join at the end and the window's start only moves on: while the fit's first
  // reading is still inside the window and no reading came after its last, it saw the same set.
  if (track.growth?.basis === 'uss' && track.growthLastReading === last && track.tickTimeMs(track.growthFirstReading) >= fromMs) return track.growth;
  track.growth = growthOf(track, fromMs);
  track.growthFirstReading = track.firstReadingTickFrom(fromMs);
  track.growthLastReading = last;
  return track.growth;
}
