/** Per-second rates of the tally's counters between two readings (pure). */

export type Rates = Map<string, { callsPerSecond: number; bytesPerSecond: number }>;

type Counts = ReadonlyMap<string, { calls: number; bytes: number }>;

export function rateOf(before: Counts, after: Counts, elapsedMs: number): Rates {
  const rates: Rates = new Map();
  if (elapsedMs <= 0) return rates;
  for (const [name, now] of after) {
    const then = before.get(name) ?? { calls: 0, bytes: 0 };
    rates.set(name, { callsPerSecond: ((now.calls - then.calls) * 1000) / elapsedMs, bytesPerSecond: ((now.bytes - then.bytes) * 1000) / elapsedMs });
  }
  return rates;
}
