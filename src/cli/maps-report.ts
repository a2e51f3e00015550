/**
 * `memtop maps PID`: every mapping of one process from /proc/PID/smaps (like pmap -x), or one row
 * per file with --group path, and a totals row: as a human table, CSV or JSON.
 */
import { groupMappingsByPath, mappingRowAt, tieBreakMappings, type MappingRow } from '../model/mapping-row.js';
import { kernelOrder, rowsOf, sortedMappingIndexes, totalOfTable } from '../model/mapping-order.js';
import { MAPPING_COLUMNS } from '../model/mapping-columns.js';
import { sortRows } from '../model/sort-rows.js';
import { inertJson, visibleText } from '../model/untrusted-text.js';
import { mappingJson, mappingsJson } from '../model/mappings-json.js';
import type { ColumnContext } from '../model/column.js';
import { readMapsOrFail } from './maps-read.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { csvReport, humanReport, type ColumnReport, type TotalsRow } from './column-report.js';
import { openProcRoot } from './proc-root.js';
import type { Report } from './output.js';
import type { MapsFlags } from './maps-command.js';
import { jsonOutput } from './json-output.js';
import { BatchWriter, streamedCsvReport, streamedHumanReport } from './maps-table.js';

export interface MapsEnvironment {
  ttyWidth?: number;
  prettyJson?: boolean;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_MAPPING_COLUMN_IDS = ['address', 'perms', 'kind', 'size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked', 'path'];
export const DEFAULT_GROUPED_MAPPING_COLUMN_IDS = ['kind', 'count', 'size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked', 'path'];

/** Sizes and counts add up on the totals row; addresses, perms and paths do not. */
const TOTALLED = new Set(['count', 'size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked']);

function mappingTotals(total: MappingRow): TotalsRow {
  return {
    label: 'total',
    value: (id) => (TOTALLED.has(id) ? MAPPING_COLUMNS.find((c) => c.id === id)!.value(total, NO_CONTEXT) : undefined),
    partial: () => false,
  };
}

const NO_CONTEXT: ColumnContext = { memTotalBytes: 0, nowEpochMs: 0 };

/** The report as one string. */
export function mapsReport(asked: number, flags: MapsFlags, environment: MapsEnvironment = {}): Report {
  const chunks: string[] = [];
  const notes = writeMapsReport(asked, flags, (text) => chunks.push(text), environment);
  return { stdout: chunks.join(''), notes };
}

/**
 * Hands the report to `emit` piece by piece, in order (a huge process's output is tens of MB,
 * never held whole), and returns the notes for stderr. Throws CliError before any output.
 */
export function writeMapsReport(asked: number, flags: MapsFlags, emit: (text: string) => void, environment: MapsEnvironment = {}): string[] {
  const grouped = flags.group === 'path';
  const columns = chooseColumns(MAPPING_COLUMNS, flags.columns, grouped ? DEFAULT_GROUPED_MAPPING_COLUMN_IDS : DEFAULT_MAPPING_COLUMN_IDS);
  // Kernel (address) order unless asked; grouped rows by PSS, largest first (as smem -m).
  const sort = flags.sort !== undefined || grouped || flags.reverse ? chooseSort(MAPPING_COLUMNS, flags.sort, grouped ? 'pss' : 'address', flags.reverse) : null;
  const procfs = openProcRoot(flags.proc, environment.env);
  const { pid, outcome, notes } = readMapsOrFail(procfs, asked);
  const table = outcome.mappings;
  const total = totalOfTable(table);
  const title = `${pid}: ${visibleText(outcome.comm)} (${total.count} mappings)\n`;
  if (grouped) {
    // One row per file and kind: few rows, made and sorted as any report's.
    const rows = sortRows(groupMappingsByPath(rowsOf(table)), sort!, NO_CONTEXT, tieBreakMappings);
    const report: ColumnReport<MappingRow> = { columns, rows, context: NO_CONTEXT, totals: mappingTotals(total) };
    if (flags.json) emit(jsonOutput(mappingsJson(pid, outcome.comm, rows, total, true), environment.prettyJson));
    else emit(flags.csv ? csvReport(report) : title + humanReport(report, environment.ttyWidth));
    return notes;
  }
  // One row per mapping: thousands in a huge process, so rows are made as they are written.
  const order = sort ? sortedMappingIndexes(table, sort, NO_CONTEXT) : kernelOrder(table);
  const rowAt = (k: number) => mappingRowAt(table, order[k]);
  if (flags.json && !environment.prettyJson) compactJson(pid, outcome.comm, order.length, rowAt, total, emit);
  else if (flags.json) {
    const rows = Array.from(order, (i) => mappingRowAt(table, i));
    emit(jsonOutput(mappingsJson(pid, outcome.comm, rows, total, false), environment.prettyJson));
  } else {
    const report = { columns, rowCount: order.length, rowAt, context: NO_CONTEXT, totals: mappingTotals(total) };
    if (flags.csv) {
      streamedCsvReport(report, emit);
    } else {
      emit(title);
      streamedHumanReport(report, emit, environment.ttyWidth);
    }
  }
  return notes;
}

/** jsonOutput(mappingsJson(...)) without pretty printing, written a mapping at a time. */
function compactJson(pid: number, comm: string, count: number, rowAt: (k: number) => MappingRow, total: MappingRow, emit: (text: string) => void): void {
  const whole = mappingsJson(pid, comm, [], total, false);
  const [head, tail] = inertJson(JSON.stringify(whole)).split('"mappings":[]');
  const out = new BatchWriter(emit);
  out.add(`${head}"mappings":[`);
  for (let k = 0; k < count; k++) out.add((k > 0 ? ',' : '') + inertJson(JSON.stringify(mappingJson(rowAt(k), false))));
  out.add(`]${tail}\n`);
  out.flush();
}
