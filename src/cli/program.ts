/**
 * The commander program: the interactive UI when no command is given (tui-command.ts), and the
 * one-shot reports. Only commander and the flag definitions load here; each command imports its
 * report when it runs, so a one-shot command never loads the UI (blessed) and starts fast.
 * Usage errors exit with 2 (commander's own default is 1): see failure.ts.
 */
import { Command } from 'commander';
import { packageVersion } from '../host/package-version.js';
import { configureTui } from './tui-command.js';
import { addSnapshotCommand } from './snapshot-command.js';
import { addMapsCommand } from './maps-command.js';
import { addLibsCommand } from './libs-command.js';
import { addSystemCommand } from './system-command.js';
import { addTraceCommand } from './trace-command.js';
import { addServeCommand } from './serve-command.js';
import { addLeaksCommand } from './leaks-command.js';
import { addRecordCommand } from './record-command.js';
import { addReplayCommand } from './replay-command.js';

export interface ProgramOutput {
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
}

export function buildProgram(output: ProgramOutput = {}): Command {
  const program = new Command('memtop');
  const writeErr = output.writeErr ?? ((text: string) => process.stderr.write(text));
  program
    .description('Where did my memory go? Per-process PSS/USS, mappings, system memory. With no command: the interactive monitor.')
    .version(packageVersion(), '-V, --version')
    // Options of the UI (given before any command) must not swallow the commands' own flags.
    .enablePositionalOptions()
    // Throw instead of exiting, so that usage errors get exit code 2 (failure.ts).
    .exitOverride()
    .configureOutput({
      writeOut: output.writeOut ?? ((text: string) => process.stdout.write(text)),
      writeErr,
      outputError: (text: string, write: (text: string) => void) => write(`memtop: ${text.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError()
    // `memtop help maps`: commander leaves the help command out when the program has an action (the UI).
    .helpCommand(true);
  addSnapshotCommand(program);
  addMapsCommand(program);
  addLibsCommand(program);
  addSystemCommand(program);
  addTraceCommand(program);
  addServeCommand(program);
  addLeaksCommand(program);
  addRecordCommand(program);
  addReplayCommand(program);
  program.addHelpText('after', '\nOne-shot reports: memtop snapshot, memtop maps PID, memtop system, memtop leaks (each has --help). Prometheus exporter: memtop serve. Recording: memtop record (memtop replay FILE shows it in the UI; snapshot --from and leaks --from read it).\nExit codes: 0 ok, 1 failure (no such process, no /proc), 2 usage error, 3 a leak suspected (memtop leaks).');
  configureTui(program);
  return program;
}
