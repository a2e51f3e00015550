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
 * PIDs to refresh: every candidate that would be too old by the next tick, and at least the
 * share candidates × interval / maxStaleness, oldest first, so that the whole population is
 * re-read once per maxStaleness at an even pace.
 */
export function pickRefreshes(candidates: RefreshCandidate[], policy: RefreshPolicy): number[] {
  const { nowMs, intervalMs, maxStalenessMs } = policy;
  const share = Math.ceil((candidates.length * intervalMs) / Math.max(maxStalenessMs, 1));
  const oldestFirst = [...candidates].sort((a, b) => a.readAtMs - b.readAtMs);
  const picked: number[] = [];
  for (const candidate of oldestFirst) {
    const dueByNextTick = nowMs - candidate.readAtMs + intervalMs > maxStalenessMs;
    if (!dueByNextTick && picked.length >= share) break;
    picked.push(candidate.pid);
  }
  return picked;
}
