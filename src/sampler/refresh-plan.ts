/**
 * Incremental sampling: which unchanged processes get their PSS/USS re-read this tick, so that
 * none is older than maxStalenessMs while the work is spread evenly over the ticks (a
 * round-robin, oldest first) instead of re-reading everything at once every maxStalenessMs.
 */

export interface RefreshCandidate {
  pid: number;
  /** Monotonic time the detail was last read, ms. */
  readAtMs: number;
}

export interface RefreshPolicy {
  nowMs: number;
  /** Expected time to the next tick. */
  intervalMs: number;
  maxStalenessMs: number;
}

/**
 * PIDs to refresh: every candidate that would be too old by the next tick, and at least an even
 * share, oldest first: the population divided by the whole ticks that fit in maxStaleness, so
 * that all are re-read once per maxStaleness at an even pace (ticks come a little later than
 * the interval; with a share of exactly interval / maxStaleness the last ones would fall due
 * all at once).
 */
export function pickRefreshes(candidates: RefreshCandidate[], policy: RefreshPolicy): number[] {
  const { nowMs, intervalMs, maxStalenessMs } = policy;
  const ticksPerWindow = Math.max(1, Math.floor(maxStalenessMs / Math.max(intervalMs, 1)));
  const share = Math.ceil(candidates.length / ticksPerWindow);
  const picked: number[] = [];
  // Oldest first, ties in the given order. The read times are those of a few past ticks, so the
  // candidates are grouped by them and only the distinct times are sorted (this runs every tick).
  for (const group of byReadTime(candidates)) {
    for (const candidate of group) {
      const dueByNextTick = nowMs - candidate.readAtMs + intervalMs > maxStalenessMs;
      if (!dueByNextTick && picked.length >= share) return picked;
      picked.push(candidate.pid);
    }
  }
  return picked;
}

/** The candidates grouped by read time, oldest group first, each in the given order. */
function byReadTime(candidates: RefreshCandidate[]): RefreshCandidate[][] {
  const groups = new Map<number, RefreshCandidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.readAtMs);
    if (group === undefined) groups.set(candidate.readAtMs, [candidate]);
    else group.push(candidate);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((readAtMs) => groups.get(readAtMs)!);
}
