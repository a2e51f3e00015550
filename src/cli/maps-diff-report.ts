/**
 * `memtop maps PID --diff SECONDS`: reads the mappings twice, SECONDS apart, and prints each
 * mapping (or group, with --group path) that changed in between, largest RSS growth first:
 * new and gone mappings marked, the signed change of size, RSS, PSS, USS and swap; as a table,
 * CSV or JSON. Nothing is printed unless both readings are whole.
 */
import { deltaRowAt, deltaTotal, diffGroups, diffTables, sortDeltaRows } from '../model/mapping-diff.js';
import { hasChanged, type MappingDeltaRow } from '../model/mapping-delta-row.js';
import { MAPPING_DELTA_COLUMNS } from '../model/mapping-delta-columns.js';
import { mappingsDiffJson } from '../model/mapping-diff-json.js';
import { visibleText } from '../model/untrusted-text.js';
import type { ColumnContext } from '../model/column.js';
import { isExitingReading } from '../sampler/read-mappings.js';
import { CliError } from './cli-error.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { csvReport, humanReport, type ColumnReport, type TotalsRow } from './column-report.js';
import { jsonOutput } from './json-output.js';
import { readMapsOrFail } from './maps-read.js';
import { openProcRoot } from './proc-root.js';
import type { MapsFlags } from './maps-command.js';
import type { MapsEnvironment } from './maps-report.js';

export const DEFAULT_DIFF_COLUMN_IDS = ['address', 'perms', 'kind', 'change', 'dsize', 'drss', 'dpss', 'duss', 'dswap', 'rss', 'path'];
export const DEFAULT_GROUPED_DIFF_COLUMN_IDS = ['kind', 'count', 'change', 'dsize', 'drss', 'dpss', 'duss', 'dswap', 'rss', 'path'];

const NO_CONTEXT: ColumnContext = { memTotalBytes: 0, nowEpochMs: 0 };
const TOTALLED = new Set(['count', 'size', 'rss', 'pss', 'uss', 'shared', 'dirty', 'swap', 'swapPss', 'locked', 'dsize', 'drss', 'dpss', 'duss', 'dswap']);

export interface DiffEnvironment extends MapsEnvironment {
  /** Waits between the readings (a timer; tests change the tree instead). */
  sleep(ms: number): Promise<void>;
  /** A monotonic clock, ms. */
  nowMs(): number;
  /** A progress line for a terminal, or nothing. */
  progress?(text: string): void;
}

function totalsOf(total: MappingDeltaRow): TotalsRow {
  return {
    label: 'total',
    value: (id) => (TOTALLED.has(id) ? MAPPING_DELTA_COLUMNS.find((c) => c.id === id)!.value(total, NO_CONTEXT) : undefined),
    partial: () => false,
  };
}

/** Reads, waits, reads again; returns the notes for stderr. Throws CliError before any output. */
export async function writeMapsDiffReport(asked: number, flags: MapsFlags & { diff: number }, emit: (text: string) => void, environment: DiffEnvironment): Promise<string[]> {
  const grouped = flags.group === 'path';
  const columns = chooseColumns(MAPPING_DELTA_COLUMNS, flags.columns, grouped ? DEFAULT_GROUPED_DIFF_COLUMN_IDS : DEFAULT_DIFF_COLUMN_IDS);
  const sort = chooseSort(MAPPING_DELTA_COLUMNS, flags.sort, 'drss', flags.reverse);
  const procfs = openProcRoot(flags.proc, environment.env);
  const startedMs = environment.nowMs();
  const first = readMapsOrFail(procfs, asked);
  const { pid } = first;
  environment.progress?.(`memtop: read the ${first.outcome.mappings.count} mappings of ${pid}; reading them again in ${flags.diff} s…`);
  await environment.sleep(Math.max(0, startedMs + flags.diff * 1000 - environment.nowMs()));
  environment.progress?.('');
  const secondStartMs = environment.nowMs();
  const exited = new CliError(`process ${pid} exited during the ${flags.diff} s between the two readings: there is no change to show${first.ofThread}`);
  let second;
  try {
    second = readMapsOrFail(procfs, pid);
  } catch (err) {
    if (err instanceof CliError && !procfs.exists(`${pid}/stat`)) throw exited;
    throw err;
  }
  const before = first.outcome;
  const after = second.outcome;
  if (after.startTimeTicks !== before.startTimeTicks || isExitingReading(after, before.mappings.count > 0)) throw exited;
  const seconds = Math.round(secondStartMs - startedMs) / 1000;
  const total = deltaTotal({ mark: before.mappings, now: after.mappings });
  let rows: MappingDeltaRow[];
  if (grouped) {
    rows = diffGroups(before.mappings, after.mappings).filter(hasChanged);
  } else {
    const diff = diffTables(before.mappings, after.mappings);
    rows = [];
    for (let k = 0; k < diff.count; k++) {
      const row = deltaRowAt(diff, k);
      if (hasChanged(row)) rows.push(row);
    }
  }
  rows = sortDeltaRows(rows, sort, NO_CONTEXT);
  if (flags.json) {
    emit(jsonOutput(mappingsDiffJson(pid, after.comm, seconds, rows, total, grouped), environment.prettyJson));
    return first.notes;
  }
  const report: ColumnReport<MappingDeltaRow> = { columns, rows, context: NO_CONTEXT, totals: totalsOf(total) };
  if (flags.csv) {
    emit(csvReport(report));
    return first.notes;
  }
  const what = grouped ? 'groups' : 'mappings';
  const title = `${pid}: ${visibleText(after.comm)}: ${rows.length} ${what} changed in ${seconds} s (${after.mappings.count} mappings now, ${before.mappings.count} before)\n`;
  emit(title + humanReport(report, environment.ttyWidth));
  return first.notes;
}
