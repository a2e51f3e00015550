/** What `memtop` (the UI) was asked for on the command line, parsed and checked. */
import type { Column } from '../model/column.js';
import type { ProcessSample } from '../sampler/sample.js';

export interface TuiOptions {
  procRoot: string;
  delayMs: number;
  exact: boolean;
  maxStalenessMs: number;
  columns: Column<ProcessSample>[];
  sortColumn: Column<ProcessSample>;
  /** Invert the sort column's default direction. */
  reverse: boolean;
  pids: number[];
  user?: string;
  filterText: string;
  kernel: boolean;
  mouse: boolean;
  color: boolean;
  /** Minutes of full-resolution per-process history (--history); 10 when absent. */
  historyMinutes?: number;
}
