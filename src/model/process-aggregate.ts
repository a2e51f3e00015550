/**
 * Sums of process figures that stay honest about unknown values: one group of --group program|user,
 * or the totals row. A sum adds only the values that are known. When some members' value was
 * unknown (their smaps_rollup was refused), the sum is *partial* — a lower bound — and the
 * aggregate says how many members were left out; when every member's value was unknown the sum
 * is null. Unknown is never counted as 0.
 */
import type { ProcessSample } from '../sampler/sample.js';

/** The summed figures, named as in the JSON output. */
export const SUMMED_FIELDS = ['vss', 'rss', 'shr', 'pss', 'uss', 'swap', 'swapPss', 'cpu'] as const;
export type SummedField = (typeof SUMMED_FIELDS)[number];

const VALUE_OF: Record<SummedField, (p: ProcessSample) => number | null> = {
  vss: (p) => p.vssBytes,
  rss: (p) => p.rssBytes,
  shr: (p) => p.shrBytes,
  pss: (p) => p.pssBytes,
  uss: (p) => p.ussBytes,
  swap: (p) => p.swapBytes,
  swapPss: (p) => p.swapPssBytes,
  cpu: (p) => p.cpuPercent,
};

export interface ProcessAggregate {
  /** Program name, user name, or "total". */
  key: string;
  /** Number of processes summed. */
  count: number;
  /** Sum of the known values (bytes; percent for cpu); null when members exist and none was known. */
  sums: Record<SummedField, number | null>;
  /** How many members had an unknown value, per field: 0 means the sum is complete. */
  unknown: Record<SummedField, number>;
}

export function emptyAggregate(key: string): ProcessAggregate {
  const sums = {} as Record<SummedField, number | null>;
  const unknown = {} as Record<SummedField, number>;
  for (const field of SUMMED_FIELDS) {
    sums[field] = 0;
    unknown[field] = 0;
  }
  return { key, count: 0, sums, unknown };
}

/** Adds one process to an aggregate (in place). */
export function addProcess(into: ProcessAggregate, p: ProcessSample): void {
  into.count++;
  for (const field of SUMMED_FIELDS) {
    const value = VALUE_OF[field](p);
    if (value === null) into.unknown[field]++;
    else into.sums[field] = (into.sums[field] ?? 0) + value;
  }
  settleNulls(into);
}

/** Adds a whole aggregate (a group into the totals), in place. */
export function addAggregate(into: ProcessAggregate, other: ProcessAggregate): void {
  into.count += other.count;
  for (const field of SUMMED_FIELDS) {
    into.unknown[field] += other.unknown[field];
    const value = other.sums[field];
    if (value !== null) into.sums[field] = (into.sums[field] ?? 0) + value;
  }
  settleNulls(into);
}

/** A sum over members that were all unknown is unknown itself. */
function settleNulls(agg: ProcessAggregate): void {
  for (const field of SUMMED_FIELDS) {
    if (agg.count > 0 && agg.unknown[field] === agg.count) agg.sums[field] = null;
    else if (agg.sums[field] === null) agg.sums[field] = 0;
  }
}

export function aggregateProcesses(key: string, processes: readonly ProcessSample[]): ProcessAggregate {
  const agg = emptyAggregate(key);
  for (const p of processes) addProcess(agg, p);
  return agg;
}

/** True when the field's sum leaves out unknown members but still counts some known ones. */
export function isPartial(agg: ProcessAggregate, field: SummedField): boolean {
  return agg.unknown[field] > 0 && agg.sums[field] !== null;
}

/** The fields whose sums are partial or unknown, with the number of unknown members. */
export function unknownCounts(agg: ProcessAggregate): Partial<Record<SummedField, number>> {
  const counts: Partial<Record<SummedField, number>> = {};
  for (const field of SUMMED_FIELDS) if (agg.unknown[field] > 0) counts[field] = agg.unknown[field];
  return counts;
}

export function isSummedField(id: string): id is SummedField {
  return (SUMMED_FIELDS as readonly string[]).includes(id);
}
