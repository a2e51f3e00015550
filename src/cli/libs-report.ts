/**
 * `memtop libs` (smem -m): one row per mapped file across the chosen processes, from every one's
 * /proc/PID/smaps (the most expensive read there is: the note says what it cost), as a human
 * table, CSV or JSON.
 */
import { Sampler } from '../sampler/sampler.js';
import { readAllMappings } from '../sampler/read-all-mappings.js';
import { UserNames } from '../sampler/user-names.js';
import type { ColumnContext } from '../model/column.js';
import { DEFAULT_LIBRARY_COLUMN_IDS, LIBRARY_COLUMNS } from '../model/library-columns.js';
import { addLibraries, type LibraryRow } from '../model/library-rows.js';
import { selectProcesses } from '../model/process-filter.js';
import { sortRows } from '../model/sort-rows.js';
import { snapshotTime } from '../model/snapshot-json.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { csvReport, humanReport } from './column-report.js';
import { jsonOutput } from './json-output.js';
import { checkUserName } from './option-values.js';
import type { Report } from './output.js';
import { openProcRoot } from './proc-root.js';

export interface LibsFlags {
  json?: boolean;
  csv?: boolean;
  sort?: string;
  reverse?: boolean;
  columns?: string;
  pid?: number[];
  user?: string;
  filter?: RegExp;
  limit?: number;
  proc?: string;
}

export interface LibsEnvironment {
  ttyWidth?: number;
  prettyJson?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function libsReport(flags: LibsFlags, environment: LibsEnvironment = {}): Report {
  const columns = chooseColumns(LIBRARY_COLUMNS, flags.columns, DEFAULT_LIBRARY_COLUMN_IDS);
  const sort = chooseSort(LIBRARY_COLUMNS, flags.sort, 'pss', flags.reverse);
  const procfs = openProcRoot(flags.proc, environment.env);
  const users = UserNames.load(procfs);
  checkUserName(flags.user, users);
  const sample = new Sampler({ procfs, users, exact: true, needs: new Set(['stat', 'status', 'cmdline']) }).sample();
  const selected = selectProcesses(sample.processes, { pids: flags.pid, user: flags.user, filter: flags.filter });
  const table = new Map<string, LibraryRow>();
  const startMs = performance.now();
  const count = readAllMappings(procfs, selected.map((p) => p.pid), (pid, start, mappings) => addLibraries(table, `${pid}:${start}`, mappings));
  const costMs = performance.now() - startMs;
  const context: ColumnContext = { memTotalBytes: sample.system.meminfo.MemTotal ?? 0, nowEpochMs: sample.timeMs };
  const all = sortRows([...table.values()], sort, context, (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const rows = flags.limit === undefined ? all : all.slice(0, flags.limit);
  const notes = [`read the smaps of ${count.read} processes in ${costMs.toFixed(0)} ms`
    + `${count.denied > 0 ? `; ${count.denied} refused (their mappings are left out: not their owner, or not dumpable)` : ''}`
    + `${count.gone > 0 ? `; ${count.gone} exited while read` : ''}`];
  if (flags.json) {
    const files = rows.map((r) => ({ path: r.path, processes: r.processes, pids: r.members.map((m) => Number(m.split(':')[0])),
      sizeBytes: r.sizeBytes, rssBytes: r.rssBytes, pssBytes: r.pssBytes, ussBytes: r.ussBytes, swapBytes: r.swapBytes }));
    const out = { time: snapshotTime(sample), processesRead: count.read, processesDenied: count.denied, readMs: Math.round(costMs), files };
    return { stdout: jsonOutput(out, environment.prettyJson), notes: [] };
  }
  const report = { columns, rows, context };
  if (flags.pid !== undefined && selected.length === 0) notes.push(`no process with PID ${flags.pid.join(', ')}`);
  return { stdout: flags.csv ? csvReport(report) : humanReport(report, environment.ttyWidth), notes, exitCode: flags.pid !== undefined && selected.length === 0 ? 1 : undefined };
}
