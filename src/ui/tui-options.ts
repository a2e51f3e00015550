/** What `memtop` (the UI) was asked for on the command line, parsed and checked. */
import type { Column } from '../model/column.js';
import type { ProcessSample } from '../sampler/sample.js';
import type { ColorScheme, Setup } from '../config/setup.js';

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
  colorScheme?: ColorScheme;
  /** Start with the Processes view as a tree (saved with the setup). */
  tree?: boolean;
  /** The saved setup: as read, a warning for the status line, and how to save (null: not at all). */
  config?: { file: Setup; warning: string | null; save: ((setup: Setup) => string | null) | null };
}
