/**
 * The rows the Processes view shows: the latest sample, selected (--pid, --user, K), matched by
 * the live filter, sorted (model/process-table.ts). Recomputed only when the sample or a setting
 * changes, so moving the selection in 3000 rows costs nothing.
 */
import type { ColumnContext } from '../../model/column.js';
import type { ProcessSelection } from '../../model/process-filter.js';
import { columnContextOf, matchesFilterText, processTable } from '../../model/process-table.js';
import type { SortSpec } from '../../model/sort-rows.js';
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

export const matchesFilter = matchesFilterText;

/** The growth of the store's processes, when the store keeps history. */
function growthOfStore(store: Store): ColumnContext['growthOf'] {
  const history = store.processHistory;
  return history ? (identity) => history.growthOf(identity) : undefined;
}

export function columnContext(store: Store): ColumnContext {
  return columnContextOf(store.latest, growthOfStore(store));
}

/** The model's process table of the store's latest sample (the same rows `memtop snapshot` prints). */
export function processRows(store: Store, query: ProcessQuery): ProcessRows {
  const table = processTable(store.latest, { ...query, growthOf: growthOfStore(store) });
  return { rows: table.rows, context: table.context, total: table.listedCount };
}

/** Identity of a row: pid + start time (PIDs are reused). */
export function processKey(p: ProcessSample): string {
  return `${p.pid}:${p.startTimeTicks}`;
}
