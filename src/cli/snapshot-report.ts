/**
 * `memtop snapshot`: one exact sample (two with --interval), the processes chosen by
 * --pid/--user/--filter/--kernel, sorted, limited, optionally grouped and totalled, written as a
 * human table, CSV or JSON.
 */
import { Sampler } from '../sampler/sampler.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { type Column, type ColumnContext } from '../model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';
import { selectProcesses, type ProcessSelection } from '../model/process-filter.js';
import { columnContextOf, processTable } from '../model/process-table.js';
import { sortRows, type SortSpec } from '../model/sort-rows.js';
import { groupProcesses, type GroupBy } from '../model/group-processes.js';
import { DEFAULT_TREE_COLUMN_IDS, TREE_COLUMNS } from '../model/tree-columns.js';
import type { TreeLine } from '../model/process-tree.js';
import { withCharges, type CgroupAggregate } from '../model/cgroup-columns.js';
import { cgroupName } from '../model/cgroup-name.js';
import { openCgroupFs } from '../sampler/read-cgroup-charges.js';
import { treeOutput } from './tree-report.js';
import { defaultGroupColumnIds, groupColumns } from '../model/group-columns.js';
import { addAggregate, aggregateProcesses, emptyAggregate, type ProcessAggregate } from '../model/process-aggregate.js';
import { aggregateJson, processJson, snapshotSystemJson, snapshotTime, type SnapshotJson } from '../model/snapshot-json.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { csvReport, humanReport, type ColumnReport } from './column-report.js';
import { aggregateTotals, deniedNote, hiddenNotes, invalidNote, partialInGroup, partialNote } from './snapshot-notes.js';
import { hiddenProcesses } from '../model/hidden-processes.js';
import { openProcRoot } from './proc-root.js';
import { recordedSample } from './recording-source.js';
import type { ProcFs } from '../proc/procfs.js';
import { missingPidNotes } from './missing-pids.js';
import { checkUserName } from './option-values.js';
import { UserNames } from '../sampler/user-names.js';
import type { Report } from './output.js';
import type { SnapshotFlags } from './snapshot-command.js';
import { jsonOutput } from './json-output.js';
import { snapshotNeeds } from './snapshot-needs.js';

export interface SnapshotEnvironment {
  /** Cut human-table lines to this width (the terminal's). */
  ttyWidth?: number;
  /** Pretty-print JSON (when writing to a terminal). */
  prettyJson?: boolean;
  sleep?: (ms: number) => Promise<void>;
  env?: NodeJS.ProcessEnv;
}

type Format = 'table' | 'csv' | 'json';

interface Plan<Row> {
  columns: Column<Row>[];
  sort: SortSpec<Row>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function snapshotReport(flags: SnapshotFlags, environment: SnapshotEnvironment = {}): Promise<Report> {
  const format: Format = flags.json ? 'json' : flags.csv ? 'csv' : 'table';
  // Columns and sort first: a typo fails before anything is read.
  const tree = flags.group === 'tree';
  const by = tree ? undefined : flags.group as GroupBy | undefined;
  const plan = tree ? treePlan(flags) as unknown as Plan<ProcessSample>
    : by ? plainPlan(groupColumns(by), defaultGroupColumnIds(by), flags) : plainPlan(PROCESS_COLUMNS, DEFAULT_PROCESS_COLUMN_IDS, flags);
  const taken: TakenSample = flags.from !== undefined ? { ...recordedSample(flags.from, flags.at), procfs: null } : await liveSample(flags, plan, format, environment);
  const { sample, procfs } = taken;
  const selection = { pids: flags.pid, user: flags.user, filter: flags.filter, kernel: flags.kernel };
  const selected = selectProcesses(sample.processes, selection);
  const context = columnContextOf(sample);
  const out = { sample, selection, selected, flags, format, context, environment };
  const report = tree
    ? treeOutput({ sample, selected, ...(plan as unknown as Plan<TreeLine>), format, context, ttyWidth: environment.ttyWidth, prettyJson: environment.prettyJson, limit: flags.limit })
    : by
    ? groupedOutput(out, plan as unknown as Plan<ProcessAggregate>)
    : processOutput(out, plan as unknown as Plan<ProcessSample>);
  const refused = sample.stats.refused.map((why) => `${why}; that process is left out or its figure unknown`);
  const hidden = hiddenProcesses(sample);
  const missing = missingPidNotes(flags.pid, sample.processes, selected, flags.kernel === true, procfs, hidden);
  // Without --pid the hidden processes are a note (JSON carries them in its system part); asked
  // for by PID, a refused one is a failure.
  const hiddenNoted = format === 'json' || flags.pid !== undefined ? [] : hiddenNotes(hidden);
  // /etc/passwd checks --user of a live snapshot; in a recording, a user without processes then is said so.
  const userNote = flags.from !== undefined && flags.user !== undefined && !sample.processes.some((p) => p.user === flags.user || String(p.uid) === flags.user)
    ? [`no process of user ${flags.user} in the recorded sample`] : [];
  const notes = [...taken.notes, ...report.notes, ...refused, ...hiddenNoted, ...missing.notes, ...userNote];
  // As `ps -p`: asked for PIDs and none of them is shown, exit 1; so too when one asked is there
  // but refused or garbled.
  const failed = missing.failed || (flags.pid !== undefined && selected.length === 0);
  return { ...report, notes, ...(failed && { exitCode: 1 }) };
}

interface TakenSample {
  sample: Sample;
  /** The proc root read, or null for a recorded sample. */
  procfs: ProcFs | null;
  notes: string[];
}

/** One exact sample of /proc (two, --interval apart, for CPU% over that time). */
async function liveSample(flags: SnapshotFlags, plan: Plan<unknown>, format: Format, environment: SnapshotEnvironment): Promise<TakenSample> {
  const tree = flags.group === 'tree';
  const by = tree ? undefined : flags.group as GroupBy | undefined;
  const procfs = openProcRoot(flags.proc, environment.env);
  const needs = snapshotNeeds({ format, columns: plan.columns, sortColumn: plan.sort.column, group: flags.group });
  const users = UserNames.load(procfs);
  checkUserName(flags.user, users);
  const cgroupFs = by === 'cgroup' ? openCgroupFs(procfs.root, environment.env ?? process.env) : null;
  const sampler = new Sampler({ procfs, users, exact: true, needs, cgroupFs });
  let sample = sampler.sample();
  if (flags.interval !== undefined) {
    await (environment.sleep ?? defaultSleep)(flags.interval * 1000);
    sample = sampler.sample();
  }
  return { sample, procfs, notes: [] };
}

function treePlan(flags: SnapshotFlags): Plan<TreeLine> {
  return { columns: chooseColumns(TREE_COLUMNS, flags.columns, DEFAULT_TREE_COLUMN_IDS), sort: chooseSort(TREE_COLUMNS, flags.sort, 'subPss', flags.reverse) };
}

function plainPlan<Row>(all: readonly Column<Row>[], defaultIds: readonly string[], flags: SnapshotFlags): Plan<Row> {
  return { columns: chooseColumns(all, flags.columns, defaultIds), sort: chooseSort(all, flags.sort, 'pss', flags.reverse) };
}

interface OutputInput {
  sample: Sample;
  selection: ProcessSelection;
  selected: ProcessSample[];
  flags: SnapshotFlags;
  format: Format;
  context: ColumnContext;
  environment: SnapshotEnvironment;
}

function limited<T>(rows: T[], limit: number | undefined): T[] {
  return limit === undefined ? rows : rows.slice(0, limit);
}

function present(notes: (string | null | undefined)[]): string[] {
  return notes.filter((n): n is string => typeof n === 'string');
}

function processOutput(input: OutputInput, plan: Plan<ProcessSample>): Report {
  const { sample, selection, flags, format, context, environment } = input;
  const { rows } = processTable(sample, { selection, sort: plan.sort, limit: flags.limit });
  const total = flags.totals ? aggregateProcesses('total', rows, context) : undefined;
  if (format === 'json') {
    const out: SnapshotJson = { time: snapshotTime(sample), system: snapshotSystemJson(sample), processes: rows.map((p) => processJson(p, context)) };
    if (total) out.totals = aggregateJson(total, 'label');
    return { stdout: jsonOutput(out, environment.prettyJson), notes: [] };
  }
  const shownIds = plan.columns.map((c) => c.id);
  const report: ColumnReport<ProcessSample> = {
    columns: plan.columns, rows, context, totals: total && aggregateTotals(total, 'processes', shownIds),
  };
  return {
    stdout: format === 'csv' ? csvReport(report) : humanReport(report, environment.ttyWidth),
    notes: present([deniedNote(rows), invalidNote(rows), total && partialNote([total], format === 'csv' ? 'totals label' : undefined, shownIds)]),
  };
}

function groupedOutput(input: OutputInput, plan: Plan<ProcessAggregate>): Report {
  const { sample, selected, flags, format, context, environment } = input;
  const by = flags.group as GroupBy;
  const plain = groupProcesses(selected, by, context);
  const groups = limited(sortRows(by === 'cgroup' ? withCharges(plain, sample.cgroupCharges) : plain, plan.sort, context, (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), flags.limit);
  let total: ProcessAggregate | undefined;
  if (flags.totals) {
    total = emptyAggregate('total');
    for (const group of groups) addAggregate(total, group);
  }
  if (format === 'json') {
    const out: SnapshotJson = {
      time: snapshotTime(sample), system: snapshotSystemJson(sample), groupBy: by,
      groups: groups.map((g) => (by === 'cgroup' ? cgroupJson(g as CgroupAggregate) : aggregateJson(g, by))),
    };
    if (total) out.totals = aggregateJson(total, 'label');
    return { stdout: jsonOutput(out, environment.prettyJson), notes: [] };
  }
  const report: ColumnReport<ProcessAggregate> = {
    columns: plan.columns, rows: groups, context, partial: partialInGroup, totals: total && aggregateTotals(total, 'groups'),
  };
  return {
    stdout: format === 'csv' ? csvReport(report) : humanReport(report, environment.ttyWidth),
    notes: present([deniedNote(selected), invalidNote(selected), partialNote(total ? [...groups, total] : groups, format === 'csv' ? 'partial column' : undefined, plan.columns.map((c) => c.id))]),
  };
}

/** A cgroup group in JSON: its sums, its readable name, and the cgroup's own charge (null when not read). */
function cgroupJson(g: CgroupAggregate) {
  const c = g.charge ?? null;
  return {
    ...aggregateJson(g, 'cgroup'), name: cgroupName(g.key),
    charge: c && { version: c.version, usageBytes: c.usageBytes, limitBytes: c.limitBytes, failcnt: c.failcnt, oomEvents: c.oomEvents, oomKills: c.oomKills },
  };
}
