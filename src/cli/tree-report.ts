/**
 * `memtop snapshot --group tree`: the processes as a tree (depth first, siblings by their subtree
 * figure, heaviest first), each with its own figures and its subtree's totals. JSON gives every
 * process its depth and a "subtree" aggregate; the table indents the command.
 */
import type { ColumnContext } from '../model/column.js';
import { buildTree, flattenTree, type TreeLine } from '../model/process-tree.js';
import { siblingOrder } from '../model/tree-columns.js';
import type { SortSpec } from '../model/sort-rows.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { aggregateJson, processJson, snapshotSystemJson, snapshotTime } from '../model/snapshot-json.js';
import { csvReport, humanReport, type ColumnReport } from './column-report.js';
import type { Column } from '../model/column.js';
import { jsonOutput } from './json-output.js';
import type { Report } from './output.js';
import { deniedNote } from './snapshot-notes.js';

export interface TreeInput {
  sample: Sample;
  selected: ProcessSample[];
  columns: Column<TreeLine>[];
  sort: SortSpec<TreeLine>;
  format: 'table' | 'csv' | 'json';
  context: ColumnContext;
  ttyWidth?: number;
  prettyJson?: boolean;
  limit?: number;
}

export function treeOutput(input: TreeInput): Report {
  const { sample, selected, columns, sort, format, context } = input;
  const all = flattenTree(buildTree(selected, context), new Set(), siblingOrder(sort.column, sort.descending, context));
  const lines = input.limit === undefined ? all : all.slice(0, input.limit);
  if (format === 'json') {
    const processes = lines.map((line) => ({
      ...processJson(line.node.process, context), depth: line.depth, subtree: aggregateJson(line.node.subtree, 'label'),
    }));
    for (const p of processes) delete (p.subtree as Record<string, unknown>).label;
    return { stdout: jsonOutput({ time: snapshotTime(sample), system: snapshotSystemJson(sample), groupBy: 'tree', processes }, input.prettyJson), notes: [] };
  }
  const report: ColumnReport<TreeLine> = { columns, rows: lines, context };
  const notes = [deniedNote(selected), 'SUBRSS* sums RSS over the subtree: pages shared between its processes are counted once per process (over-counts); SUBPSS and SUBUSS add up']
    .filter((n): n is string => typeof n === 'string');
  return { stdout: format === 'csv' ? csvReport(report) : humanReport(report, input.ttyWidth), notes: format === 'table' ? notes : notes.slice(0, -1) };
}
