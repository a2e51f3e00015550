#!/usr/bin/env -S node --max-semi-space-size=2
/**
 * memtop's entry point: runs the command line and turns every failure into one line and an exit
 * code (failure.ts): 0 ok, 1 failure, 2 usage.
 *
 * The shebang caps V8's young generation at 2 MiB per semi-space (default 16): memtop allocates
 * little that lives long, and the cap holds the UI's RSS near 90 MiB instead of ~100 (measured
 * with 1,000 extra processes, bench/tui-bench.ts) at no measurable CPU cost. It is a start-up
 * flag (the heap is configured when the isolate is made), hence here and in `npm start`.
 */
import type { Command } from 'commander';
import { buildProgram } from './program.js';
import { exitQuietlyOnBrokenPipe, reportFailure } from './failure.js';
import { usageError } from './cli-error.js';

/**
 * `memtop snap`: the program takes no arguments of its own (the UI has options only), so a bare
 * first word that is no command is a mistyped command, not "too many arguments".
 */
function checkCommandName(program: Command, argv: readonly string[]): void {
  const word = argv[2];
  if (word === undefined || word.startsWith('-') || program.registeredArguments.length > 0) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === 'help') return;
  const near = names.find((name) => name.startsWith(word.slice(0, 3)));
  throw usageError(`unknown command '${word}'${near ? ` (did you mean ${near}?)` : ''}; commands: ${names.join(', ')}`);
}

async function main(argv: string[]): Promise<void> {
  exitQuietlyOnBrokenPipe();
  const program = buildProgram();
  let active: Command = program;
  program.hook('preSubcommand', (_program, subcommand) => {
    active = subcommand;
  });
  try {
    checkCommandName(program, argv);
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = reportFailure(err, active);
  }
}

await main(process.argv);
