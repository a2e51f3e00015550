/**
 * What `memtop snapshot` has the sampler read: the shown and sorted columns' needs, with stat,
 * status and cmdline, which --user and --filter use. JSON has every field JSON carries
 * (PROCESS_JSON_COLUMNS), and nothing it leaves out: the PEAK column's extra status read only
 * happens when PEAK is shown or sorted on.
 */
import { columnNeeds, type Column } from '../model/column.js';
import { PROCESS_JSON_COLUMNS } from '../model/snapshot-json.js';
import type { ReadNeed } from '../sampler/read-needs.js';

export interface SnapshotShape {
  format: 'table' | 'csv' | 'json';
  columns: readonly Column<any>[];
  sortColumn: Column<any>;
  /** --group: the tree sums PSS, the cgroup grouping reads each process's cgroup. */
  group?: 'program' | 'user' | 'cgroup' | 'tree';
}

export function snapshotNeeds(shape: SnapshotShape): Set<ReadNeed> {
  const shown = shape.format === 'json' ? PROCESS_JSON_COLUMNS : shape.columns;
  const needs = new Set<ReadNeed>(['stat', 'status', 'cmdline', ...columnNeeds([...shown, shape.sortColumn])]);
  if (shape.group === 'tree') needs.add('rollup');
  if (shape.group === 'cgroup') needs.add('cgroup');
  return needs;
}
