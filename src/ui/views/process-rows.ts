/**
 * The rows the Processes view shows: the latest sample, selected (--pid, --user, K), matched by
 * the live filter, sorted; and their totals. Recomputed only when the sample or a setting
 * changes, so moving the selection in 3000 rows costs nothing.
 */
import type { ColumnContext } from '../../model/column.js';
import { isSelected, type ProcessSelection } from '../../model/process-filter.js';
import { sortRows, type SortSpec } from '../../model/sort-rows.js';
import type { Store } from '../../model/store.js';
import type { ProcessSample } from '../../sampler/sample.js';

export interface ProcessQuery {
  selection: ProcessSelection;
  /** Live filter: a case-insensitive substring of the command name or line. */
  filterText: string;
  sort: SortSpec<ProcessSample>;
}

export interface ProcessRows {
  rows: ProcessSample[];
  context: ColumnContext;
  /** Processes in the sample before the filter (for "12 of 345"). */
  total: number;
}

export function columnContext(store: Store): ColumnContext {
  const sample = store.latest;
  const history = store.processHistory;
  return {
    memTotalBytes: sample?.system.meminfo.MemTotal ?? 0, nowEpochMs: sample?.timeMs ?? Date.now(), sampleMonotonicMs: sample?.monotonicMs,
    growthOf: history ? (identity) => history.growthOf(identity) : undefined,
  };
}

export function matchesFilter(p: ProcessSample, lowerText: string): boolean {
  if (lowerText === '') return true;
  return p.comm.toLowerCase().includes(lowerText) || p.cmdline.toLowerCase().includes(lowerText);
}

export function processRows(store: Store, query: ProcessQuery): ProcessRows {
  const context = columnContext(store);
  const processes = store.latest?.processes ?? [];
  const lower = query.filterText.toLowerCase();
  const shown = processes.filter((p) => isSelected(p, query.selection) && matchesFilter(p, lower));
  const rows = sortRows(shown, query.sort, context, (a, b) => a.pid - b.pid);
  return { rows, context, total: processes.length };
}

/** Identity of a row: pid + start time (PIDs are reused). */
export function processKey(p: ProcessSample): string {
  return `${p.pid}:${p.startTimeTicks}`;
}
