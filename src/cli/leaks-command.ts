/**
 * `memtop leaks`: samples every process for --duration seconds at --interval, then prints them by
 * memory growth (least-squares slope of USS, else RSS) with the fit, start and end sizes, the
 * suspected leaks first. Exit 3 when a leak is suspected (for scripts and CI). Ctrl-C ends the
 * sampling early and prints what was gathered.
 */
import { Option, type Command } from 'commander';
import { secondsInRange, wholeNumber } from './option-values.js';
import { LEAK_RULE_TEXT } from '../model/leak-rule.js';

export interface LeaksFlags {
  duration: number;
  interval: number;
  json?: boolean;
  csv?: boolean;
  limit: number;
  proc?: string;
  /** A recording to analyse instead of sampling /proc. */
  from?: string;
}

/** The exit code when some process is a suspected leak. */
export const EXIT_LEAK_SUSPECTED = 3;

export function addLeaksCommand(program: Command): void {
  program.command('leaks')
    .description('Watch every process for a while and print them by memory growth, suspected leaks first (exit 3 when there is one)')
    .option('--duration <seconds>', 'how long to sample, 1 to 86400 (growth needs at least 30 s)', secondsInRange('--duration', 1, 86_400), 60)
    .option('--interval <seconds>', 'seconds between samples, 0.2 to 60', secondsInRange('--interval', 0.2, 60), 1)
    .addOption(new Option('--json', 'JSON: every process with a growth figure, sizes in bytes, rates in bytes per minute').conflicts('csv'))
    .addOption(new Option('--csv', 'CSV: the same fields as JSON, one row per process'))
    .option('-n, --limit <n>', 'table: at most n rows besides the suspects (default 20; JSON and CSV have all)', wholeNumber('--limit', 1), 20)
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .addOption(new Option('--from <file>', 'analyse a recording (memtop record) instead of sampling: all of its samples').conflicts(['proc', 'duration', 'interval']))
    .addHelpText('after', `\nA suspected leak: ${LEAK_RULE_TEXT}.\nGrowth is over the last 5 minutes of the run (all of it when shorter). Exit codes: 0 none suspected, 3 a leak suspected, 1 failure, 2 usage error.\n`)
    .action(async (flags: LeaksFlags) => {
      const { runLeaks } = await import('./leaks-run.js');
      await runLeaks(flags);
    });
}
