/**
 * Process figures combined over many processes, as each column's `aggregate` says (sum or max):
 * one group of --group program|user, or the totals row. Only known values are combined. When some
 * members' value was unknown (their smaps_rollup was refused), the figure is *partial* — a lower
 * bound — and the aggregate says how many members were left out; when every member's value was
 * unknown the figure is null. Unknown is never counted as 0.
 */
import type { ProcessSample } from '../sampler/sample.js';
import type { Column, ColumnContext } from './column.js';
import { AGGREGATED_PROCESS_COLUMNS } from './process-columns.js';

export interface ProcessAggregate {
  /** Program name, user name, or "total". */
  key: string;
  /** Number of processes combined. */
  count: number;
  /** Per aggregated column id: the sum (or largest) of the known values; null when members exist and none was known. */
  sums: Record<string, number | null>;
  /** Per aggregated column id, how many members had an unknown value: 0 means the figure is complete. */
  unknown: Record<string, number>;
}

export function emptyAggregate(key: string): ProcessAggregate {
  const sums: Record<string, number | null> = {};
  const unknown: Record<string, number> = {};
  for (const column of AGGREGATED_PROCESS_COLUMNS) {
    sums[column.id] = 0;
    unknown[column.id] = 0;
  }
  return { key, count: 0, sums, unknown };
}

/** Adds a known value: summed, or the larger kept (aggregated values are never negative). */
function combine(into: ProcessAggregate, column: Column<ProcessSample>, value: number): void {
  const before = into.sums[column.id] ?? 0;
  into.sums[column.id] = column.aggregate === 'max' ? Math.max(before, value) : before + value;
}

/** A figure over members that were all unknown is unknown itself. */
function settleNulls(agg: ProcessAggregate): void {
  for (const column of AGGREGATED_PROCESS_COLUMNS) {
    if (agg.count > 0 && agg.unknown[column.id] === agg.count) agg.sums[column.id] = null;
    else if (agg.sums[column.id] === null) agg.sums[column.id] = 0;
  }
}

/** Adds one process to an aggregate (in place). */
export function addProcess(into: ProcessAggregate, p: ProcessSample, context: ColumnContext): void {
  into.count++;
  for (const column of AGGREGATED_PROCESS_COLUMNS) {
    const value = column.value(p, context);
    if (typeof value !== 'number') into.unknown[column.id]++;
    else combine(into, column, value);
  }
  settleNulls(into);
}

/** Adds a whole aggregate (a group into the totals), in place. */
export function addAggregate(into: ProcessAggregate, other: ProcessAggregate): void {
  into.count += other.count;
  for (const column of AGGREGATED_PROCESS_COLUMNS) {
    into.unknown[column.id] += other.unknown[column.id];
    const value = other.sums[column.id];
    if (value !== null) combine(into, column, value);
  }
  settleNulls(into);
}

export function aggregateProcesses(key: string, processes: readonly ProcessSample[], context: ColumnContext): ProcessAggregate {
  const agg = emptyAggregate(key);
  for (const p of processes) addProcess(agg, p, context);
  return agg;
}

/** True when the column's figure leaves out unknown members but still counts some known ones. */
export function isPartial(agg: ProcessAggregate, columnId: string): boolean {
  return (agg.unknown[columnId] ?? 0) > 0 && agg.sums[columnId] !== null;
}

/** The column ids whose figures are partial or unknown, with the number of unknown members. */
export function unknownCounts(agg: ProcessAggregate): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const column of AGGREGATED_PROCESS_COLUMNS) if (agg.unknown[column.id] > 0) counts[column.id] = agg.unknown[column.id];
  return counts;
}

export function isAggregatedId(id: string): boolean {
  return AGGREGATED_PROCESS_COLUMNS.some((c) => c.id === id);
}
