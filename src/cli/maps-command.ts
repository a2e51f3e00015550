/** `memtop maps PID`: the flags, and the report (maps-report.ts) when the command runs. */
import { Option, type Command } from 'commander';
import { writeMapsReport } from './maps-report.js';
import { usageError } from './cli-error.js';
import { MAPPING_COLUMNS } from '../model/mapping-columns.js';
import { DELTA_COLUMNS } from '../model/mapping-delta-columns.js';
import { secondsInRange } from './option-values.js';

export interface MapsFlags {
  json?: boolean;
  csv?: boolean;
  sort?: string;
  reverse?: boolean;
  columns?: string;
  group?: 'path';
  proc?: string;
  /** --diff: seconds between two readings; the report is then the change of each mapping. */
  diff?: number;
}

/**
 * Any whole number is taken: a PID that does not exist (999999999) is "no such process" (exit 1),
 * not a usage error; only text that is no number at all ("abc") is.
 */
export function pidArgument(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw usageError(`'${text}' is not a process ID (a whole number)`);
  }
  return Number(text);
}

export function addMapsCommand(program: Command): void {
  program.command('maps')
    .description('Print the memory mappings of one process (like pmap -x): size, RSS, PSS, USS, dirty, swap, path per mapping, and totals')
    .argument('<pid>', 'process ID', pidArgument)
    .addOption(new Option('--json', 'JSON: sizes in bytes').conflicts('csv'))
    .addOption(new Option('--csv', 'CSV: a header of column ids, raw values (bytes)'))
    .option('-s, --sort <column>', 'sort by this column id (default: address order, as the kernel lists them)')
    .option('-r, --reverse', 'reverse the sort order')
    .option('-c, --columns <list>', 'column ids to show, comma-separated (table and CSV)')
    .addOption(new Option('-g, --group <by>', 'one row per file, and per kind for anonymous memory').choices(['path']))
    .option('--diff <seconds>', 'read twice, this far apart (0.1 to 86400), and print what changed per mapping, largest RSS growth first', secondsInRange('--diff', 0.1, 86_400))
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .addHelpText('after', `\nColumns: ${MAPPING_COLUMNS.map((c) => c.id).join(', ')}\nWith --diff also: ${DELTA_COLUMNS.map((c) => c.id).join(', ')} (sorted by drss unless -s; only the mappings that changed are listed; a mapping is matched by its start address, inode and path, a group by its path)\nKinds: heap, stack, anon, file, shmem, vdso (also vvar, vsyscall)\n`)
    .action(async (pid: number, flags: MapsFlags) => {
      if (flags.diff !== undefined) {
        const { runMapsDiff } = await import('./maps-diff-run.js');
        await runMapsDiff(pid, { ...flags, diff: flags.diff });
        return;
      }
      // Written piece by piece as it is made: the output of a huge process is tens of MB.
      const notes = writeMapsReport(pid, flags, (text) => process.stdout.write(text), { ttyWidth: process.stdout.isTTY ? process.stdout.columns : undefined, prettyJson: process.stdout.isTTY });
      for (const note of notes) process.stderr.write(`memtop: ${note}\n`);
    });
}
