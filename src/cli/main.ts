#!/usr/bin/env node
/**
 * memtop's entry point: runs the command line and turns every failure into one line and an exit
 * code (failure.ts): 0 ok, 1 failure, 2 usage.
 */
import type { Command } from 'commander';
import { usageError } from './cli-error.js';

/**
 * `memtop snap`: the program takes no arguments of its own (the UI has options only), so a bare
 * first word that is no command is a mistyped command, not "too many arguments". So is the word
 * after `help` (`memtop help snap`: commander would print the whole help, as an error).
 */
function checkCommandName(program: Command, argv: readonly string[]): void {
  const word = argv[2] === 'help' ? argv[3] : argv[2];
  if (word === undefined || word.startsWith('-') || program.registeredArguments.length > 0) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === 'help') return;
  const near = names.find((name) => name.startsWith(word.slice(0, 3)));
  throw usageError(`unknown command '${word}'${near ? ` (did you mean ${near}?)` : ''}; commands: ${names.join(', ')}`);
}

async function main(argv: string[]): Promise<void> {
  const { buildProgram } = await import('./program.js');
  const { exitQuietlyOnBrokenPipe, reportFailure } = await import('./failure.js');
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

/** Resolves once everything written to `stream` so far is out (or failed: a closed pipe). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** The whole run. No top-level await: the bundle is CommonJS (scripts/bundle.mjs), which has none. */
async function run(): Promise<void> {
  await main(process.argv);
  // Once the output is out (a pipe takes it in 64 KiB turns), end now rather than wait for a
  // natural exit to tear the heap down.
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit();
}

void run();
