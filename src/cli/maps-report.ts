/**
 * `memtop maps PID`: every mapping of one process from /proc/PID/smaps (like pmap -x), or one row
 * per file with --group path, and a totals row: as a human table, CSV or JSON.
 */
import { readMappings } from '../sampler/read-mappings.js';
import { threadGroupOf } from '../sampler/thread-group.js';
import { groupMappingsByPath, tieBreakMappings, toMappingRows, totalOfMappings, type MappingRow } from '../model/mapping-row.js';
import { MAPPING_COLUMNS } from '../model/mapping-columns.js';
import { sortRows } from '../model/sort-rows.js';
import { visibleText } from '../model/untrusted-text.js';
import { mappingsJson } from '../model/mappings-json.js';
import type { ColumnContext } from '../model/column.js';
import { CliError } from './cli-error.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { csvReport, humanReport, type ColumnReport, type TotalsRow } from './column-report.js';
import { openProcRoot } from './proc-root.js';
import type { Report } from './output.js';
import type { MapsFlags } from './maps-command.js';
import { jsonOutput } from './json-output.js';

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

export function mapsReport(asked: number, flags: MapsFlags, environment: MapsEnvironment = {}): Report {
  const grouped = flags.group === 'path';
  const columns = chooseColumns(MAPPING_COLUMNS, flags.columns, grouped ? DEFAULT_GROUPED_MAPPING_COLUMN_IDS : DEFAULT_MAPPING_COLUMN_IDS);
  // Kernel (address) order unless asked; grouped rows by PSS, largest first (as smem -m).
  const sort = flags.sort !== undefined || grouped || flags.reverse ? chooseSort(MAPPING_COLUMNS, flags.sort, grouped ? 'pss' : 'address', flags.reverse) : null;
  const procfs = openProcRoot(flags.proc, environment.env);
  // A thread's mappings are its process's (pmap shows them too): said, and shown under the process.
  const owner = threadGroupOf(procfs, asked);
  const pid = owner ?? asked;
  const notes = owner === null ? [] : [`${asked} is a thread of process ${owner}: these are the mappings of ${owner}, which all its threads share`];
  const outcome = readMappings(procfs, pid);
  const ofThread = owner === null ? '' : ` (${asked} is a thread of process ${owner})`;
  if (outcome.kind === 'gone') {
    // A live process always has smaps; in a captured tree a refused file is left out.
    if (procfs.exists(`${pid}/stat`)) throw new CliError(`cannot read ${procfs.root}/${pid}/smaps: it is missing${ofThread}`);
    throw new CliError(`no such process: ${pid}${ofThread}`);
  }
  if (outcome.kind === 'unreadable') {
    throw new CliError(outcome.why === 'refused'
      ? `cannot read ${procfs.root}/${pid}/stat: permission denied (/proc hides other users' processes from you: hidepid)${ofThread}`
      : `cannot read process ${pid}: ${procfs.root}/${pid}/stat is not a whole stat line (cut short or corrupt)${ofThread}`);
  }
  if (outcome.kind === 'exited') {
    throw new CliError(`process ${pid} exited while its mappings were read: what was read is cut short, not shown${ofThread}`);
  }
  if (outcome.kind === 'denied') {
    throw new CliError(`cannot read ${procfs.root}/${pid}/smaps: permission denied (the kernel lets only the process's owner or root read its mappings, not the owner either when the process is not dumpable, as setuid programs are, and in a sandbox or a container may refuse root too)${ofThread}`);
  }
  if (outcome.kernelThread) notes.push(`${pid} (${visibleText(outcome.comm)}) is a kernel thread: it has no user-space mappings`);
  if (outcome.zombie) notes.push(`${pid} (${visibleText(outcome.comm)}) is a zombie: it has exited and holds no memory (its parent has not reaped it yet)`);
  const single = toMappingRows(outcome.mappings);
  const total = totalOfMappings(single);
  let rows = grouped ? groupMappingsByPath(single) : single;
  if (sort) rows = sortRows(rows, sort, NO_CONTEXT, tieBreakMappings);
  if (flags.json) {
    return { stdout: jsonOutput(mappingsJson(pid, outcome.comm, rows, total, grouped), environment.prettyJson), notes };
  }
  const report: ColumnReport<MappingRow> = { columns, rows, context: NO_CONTEXT, totals: mappingTotals(total) };
  if (flags.csv) return { stdout: csvReport(report), notes };
  const title = `${pid}: ${visibleText(outcome.comm)} (${total.count} mappings)\n`;
  return { stdout: title + humanReport(report, environment.ttyWidth), notes };
}
