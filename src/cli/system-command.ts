/** `memtop system`: the flags, and the report (system-report.ts) when the command runs. */
import type { Command } from 'commander';
import { systemReport } from './system-report.js';
import { secondsInRange } from './option-values.js';
import { writeOutput } from './output.js';

export interface SystemFlags {
  json?: boolean;
  interval: number;
  proc?: string;
}

export const DEFAULT_SYSTEM_INTERVAL_SECONDS = 1;

export function addSystemCommand(program: Command): void {
  program.command('system')
    .description('Print system memory: every /proc/meminfo field, a free-style summary, vmstat-style rates and memory pressure')
    .option('--json', 'JSON: meminfo in bytes, free, vmstat rates, pressure')
    .option('-i, --interval <seconds>', 'seconds between the two readings the rates (si/so, bi/bo, in/cs, CPU shares) are measured over; memtop waits that long',
      secondsInRange('--interval', 0.1, 3600), DEFAULT_SYSTEM_INTERVAL_SECONDS)
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .action(async (flags: SystemFlags) => {
      writeOutput(await systemReport(flags, { prettyJson: process.stdout.isTTY }));
    });
}
