/**
 * The process table of one sample, as both the Processes view and `memtop snapshot` show it:
 * the processes chosen (--pid, --user, --filter, K), matched by a live filter text, sorted by the
 * sort column (ties by PID), and cut to a limit. The view and the CLI only lay the rows out.
 */
import type { ColumnContext } from './column.js';
import { isSelected, type ProcessSelection } from './process-filter.js';
import { sortRows, type SortSpec } from './sort-rows.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';

export interface ProcessTableQuery {
  selection: ProcessSelection;
  /** The UI's live filter: a case-insensitive substring of the command name or line. */
  filterText?: string;
  sort: SortSpec<ProcessSample>;
  limit?: number;
  /** The growth of a process from its history (the GROWTH column); absent without history. */
  growthOf?: ColumnContext['growthOf'];
}

export interface ProcessTable {
  rows: ProcessSample[];
  context: ColumnContext;
  /** Processes in the sample before any selection (for "12 of 345"). */
  listedCount: number;
}

/** What a column's value needs besides its row: MemTotal (MEM%), the sample's clocks (START, PSSAGE) and history (GROWTH). */
export function columnContextOf(sample: Sample | null, growthOf?: ColumnContext['growthOf']): ColumnContext {
  return { memTotalBytes: sample?.system.meminfo.MemTotal ?? 0, nowEpochMs: sample?.timeMs ?? Date.now(), sampleMonotonicMs: sample?.monotonicMs, growthOf };
}

export function matchesFilterText(p: ProcessSample, lowerText: string): boolean {
  if (lowerText === '') return true;
  return p.comm.toLowerCase().includes(lowerText) || p.cmdline.toLowerCase().includes(lowerText);
}

export function processTable(sample: Sample | null, query: ProcessTableQuery): ProcessTable {
  const context = columnContextOf(sample, query.growthOf);
  const processes = sample?.processes ?? [];
  const lower = (query.filterText ?? '').toLowerCase();
  const shown = processes.filter((p) => isSelected(p, query.selection) && matchesFilterText(p, lower));
  const sorted = sortRows(shown, query.sort, context, (a, b) => a.pid - b.pid);
  const rows = query.limit === undefined ? sorted : sorted.slice(0, query.limit);
  return { rows, context, listedCount: processes.length };
}
