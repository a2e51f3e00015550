/**
 * `memtop record`: samples every process headless (the sampler in its worker, as `memtop serve`
 * runs it) and writes each sample to a recording (src/record): NDJSON, gzip when the file's name
 * ends in .gz, appended to when the file is a recording already, standard output with `-o -`.
 */
import { Option, type Command } from 'commander';
import { secondsInRange, wholeNumber } from './option-values.js';
import { byteSize } from './byte-size.js';

export interface RecordFlags {
  output: string;
  delay: number;
  duration?: number;
  count?: number;
  maxSize?: number;
  maxStaleness: number;
  proc?: string;
}

export function addRecordCommand(program: Command): void {
  program.command('record')
    .description('Record every process\'s memory to a file, for `memtop snapshot --from`, `memtop leaks --from` and replay')
    .requiredOption('-o, --output <file>', 'the recording: NDJSON, gzip when the name ends in .gz; an existing recording is appended to; - for standard output')
    .option('-d, --delay <seconds>', 'seconds between samples, 0.2 to 3600', secondsInRange('--delay', 0.2, 3600), 5)
    .addOption(new Option('--duration <seconds>', 'stop after this many seconds').argParser(secondsInRange('--duration', 1, 31_622_400)).conflicts('count'))
    .option('--count <n>', 'stop after n samples', wholeNumber('--count', 1))
    .option('--max-size <bytes>', 'stop before the file would grow past this size (K, M, G: 1024-based)', byteSize('--max-size', 4096))
    .option('--max-staleness <seconds>', 'the oldest a PSS/USS figure may get (incremental sampling)', secondsInRange('--max-staleness', 1, 3600), 30)
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .addHelpText('after', '\nCtrl-C (SIGINT) or SIGTERM ends the recording cleanly. A recording cut short (kill -9, a full disk) reads back up to its last whole sample.\nThe format: README, "Recording and replay".\n')
    .action(async (flags: RecordFlags) => {
      const { runRecord } = await import('./record-run.js');
      await runRecord(flags);
    });
}
