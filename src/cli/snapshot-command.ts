/** `memtop snapshot`: the flags, and the report (snapshot-report.ts) when the command runs. */
import { Option, type Command } from 'commander';
import { pidList, regexValue, secondsInRange, userValue, wholeNumber } from './option-values.js';
import { GROUP_BY_VALUES, type GroupBy } from '../model/group-processes.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';
import { defaultGroupColumnIds, groupColumns } from '../model/group-columns.js';
import { writeOutput } from './output.js';
import { TREE_COLUMNS } from '../model/tree-columns.js';
import { snapshotReport } from './snapshot-report.js';
import { timePointValue } from './recording-source.js';
import { usageError } from './cli-error.js';
import type { TimePoint } from '../record/time-point.js';

export interface SnapshotFlags {
  json?: boolean;
  csv?: boolean;
  sort?: string;
  reverse?: boolean;
  columns?: string;
  group?: GroupBy | 'tree';
  totals?: boolean;
  pid?: number[];
  user?: string;
  filter?: RegExp;
  limit?: number;
  kernel?: boolean;
  proc?: string;
  interval?: number;
  /** A recording to read the sample from, instead of /proc. */
  from?: string;
  /** Which of its samples (default: the last). */
  at?: TimePoint;
}

export function addSnapshotCommand(program: Command): void {
  program.command('snapshot')
    .description('Print every process\'s memory once (like smem): PSS, USS, RSS, swap, CPU%, sorted by PSS')
    .addOption(new Option('--json', 'JSON: sizes in bytes, unknown values null, refused files in "denied"').conflicts('csv'))
    .addOption(new Option('--csv', 'CSV: a header of column ids, raw values (bytes, percent)'))
    .option('-s, --sort <column>', 'sort by this column id (default: pss, largest first)')
    .option('-r, --reverse', 'reverse the sort order')
    .option('-c, --columns <list>', 'column ids to show, comma-separated (table and CSV; JSON has every field)')
    .addOption(new Option('-g, --group <by>', 'one row per program (like ps_mem), user (like smem -u) or memory cgroup (with its charge and limit); or the process tree with subtree totals').choices([...GROUP_BY_VALUES, 'tree']))
    .option('-t, --totals', 'add a totals row (of the rows shown); a total that leaves out unknown values is marked partial')
    .option('-p, --pid <list>', 'only these PIDs, comma-separated (repeatable)', pidList)
    .option('-u, --user <name>', 'only this user\'s processes (name or uid)', userValue)
    .option('-f, --filter <regex>', 'only processes whose name or command line matches (case-insensitive)', regexValue('--filter'))
    .option('-n, --limit <n>', 'at most n rows', wholeNumber('--limit', 1))
    .option('-k, --kernel', 'include kernel threads (hidden by default)')
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .option('-i, --interval <seconds>', 'sample twice, this far apart, and report CPU% between the two (default: one sample; CPU% is the lifetime average, as ps shows)', secondsInRange('--interval', 0.1, 3600))
    .addOption(new Option('--from <file>', 'read a recording (memtop record) instead of /proc').conflicts(['proc', 'interval']))
    .addOption(new Option('--at <time>', 'with --from: the sample at this moment, HH:MM:SS of the recording\'s day, an ISO time, +SECONDS from its start, or end (the default)').argParser(timePointValue))
    .addHelpText('after', () => [
      '',
      `Columns: ${PROCESS_COLUMNS.map((c) => c.id).join(', ')}`,
      `  shown by default: ${DEFAULT_PROCESS_COLUMN_IDS.join(',')}`,
      `Grouped columns: ${groupColumns('program').map((c) => c.id).join(', ')} (user instead of program with --group user)`,
      `  shown by default: ${defaultGroupColumnIds('program').join(',')}`,
      `Cgroup columns: ${groupColumns('cgroup').map((c) => c.id).join(', ')}`,
      `Tree columns: ${TREE_COLUMNS.map((c) => c.id).join(', ')} (sub…: the process and all its descendants)`,
      'Sizes are K/M/G (1024-based) in the table, bytes in CSV and JSON; "-" is unknown (the kernel refused the file).',
      '',
    ].join('\n'))
    .action(async (flags: SnapshotFlags) => {
      if (flags.at !== undefined && flags.from === undefined) throw usageError('--at needs --from FILE (a recording)');
      const tty = process.stdout.isTTY;
      const report = await snapshotReport(flags, { ttyWidth: tty ? process.stdout.columns : undefined, prettyJson: tty });
      writeOutput(report);
    });
}
