/**
 * The interactive UI, started by `memtop` with no subcommand. Owned by the TUI work (issue 3);
 * this placeholder is replaced there.
 */
import type { Command } from 'commander';

/** Adds the UI's options and default action to the program. */
export function configureTui(program: Command): void {
  program.action(() => {
    process.stderr.write('memtop: the interactive UI is being built; use `memtop snapshot`\n');
    process.exitCode = 2;
  });
}
