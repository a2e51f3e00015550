/** `memtop libs`: the flags, and the report (libs-report.ts) when the command runs. */
import { Option, type Command } from 'commander';
import { pidList, regexValue, userValue, wholeNumber } from './option-values.js';
import { DEFAULT_LIBRARY_COLUMN_IDS, LIBRARY_COLUMNS } from '../model/library-columns.js';
import { writeOutput } from './output.js';
import { libsReport, type LibsFlags } from './libs-report.js';

export function addLibsCommand(program: Command): void {
  program.command('libs')
    .description('Print every mapped file across all processes (like smem -m): how many map it, summed RSS, PSS, USS; reads every process\'s smaps')
    .addOption(new Option('--json', 'JSON: sizes in bytes, with the PIDs mapping each file').conflicts('csv'))
    .addOption(new Option('--csv', 'CSV: a header of column ids, raw values (bytes)'))
    .option('-s, --sort <column>', 'sort by this column id (default: pss, largest first)')
    .option('-r, --reverse', 'reverse the sort order')
    .option('-c, --columns <list>', 'column ids to show, comma-separated (table and CSV)')
    .option('-p, --pid <list>', 'only the mappings of these PIDs, comma-separated (repeatable)', pidList)
    .option('-u, --user <name>', 'only this user\'s processes (name or uid)', userValue)
    .option('-f, --filter <regex>', 'only processes whose name or command line matches (case-insensitive)', regexValue('--filter'))
    .option('-n, --limit <n>', 'at most n rows', wholeNumber('--limit', 1))
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .addHelpText('after', `\nColumns: ${LIBRARY_COLUMNS.map((c) => c.id).join(', ')}\n  shown by default: ${DEFAULT_LIBRARY_COLUMN_IDS.join(',')}\n`)
    .action((flags: LibsFlags) => {
      writeOutput(libsReport(flags, { ttyWidth: process.stdout.isTTY ? process.stdout.columns : undefined, prettyJson: process.stdout.isTTY }));
    });
}
