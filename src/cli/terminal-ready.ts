/**
 * Whether the interactive UI (live or replay) may start here: standard input and output are a
 * terminal that can move the cursor. If not, says why on stderr (`notATerminal` when they are a
 * pipe or a file) and sets the usage exit status.
 */
import { EXIT_USAGE } from './cli-error.js';
import { terminalRefusal } from '../terminal/capability.js';

export function terminalReady(notATerminal: string): boolean {
  const refusal = !process.stdout.isTTY || !process.stdin.isTTY ? notATerminal : terminalRefusal(process.env);
  if (refusal === null) return true;
  process.stderr.write(refusal);
  process.exitCode = EXIT_USAGE;
  return false;
}
