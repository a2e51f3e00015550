/**
 * How memtop fails: one line `memtop: <message>` on stderr and an exit code — 2 for usage (a bad
 * flag, an unknown column), 1 for a failure at run time — never a stack trace, unless
 * MEMTOP_DEBUG=1. A reader that goes away (`memtop snapshot | head -1`) ends memtop quietly.
 */
import { CommanderError, type Command } from 'commander';
import { ColumnListError } from '../model/column.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './cli-error.js';

/** Error codes of file-system calls, in words. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ESRCH: 'no such process',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EPIPE: 'the reader has gone',
};

function errnoWords(err: NodeJS.ErrnoException): string {
  return err.code !== undefined ? ERRNO_WORDS[err.code] ?? err.code : err.message;
}

export interface Failure {
  /** The line to print after "memtop: ", or null when it was already printed (commander). */
  message: string | null;
  exitCode: number;
}

export function describeFailure(err: unknown): Failure {
  if (err instanceof CommanderError) {
    // Help and --version end in a CommanderError with exit code 0; commander printed its own error.
    return { message: null, exitCode: err.exitCode === 0 ? EXIT_OK : EXIT_USAGE };
  }
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof ColumnListError) return { message: err.message, exitCode: EXIT_USAGE };
  const errno = err as NodeJS.ErrnoException | undefined;
  if (errno && typeof errno.code === 'string' && typeof errno.path === 'string') {
    return { message: `cannot read ${errno.path}: ${errnoWords(errno)}`, exitCode: EXIT_FAILURE };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { message: message.split('\n')[0] || 'unexpected error', exitCode: EXIT_FAILURE };
}

/** Prints the failure (and, for usage errors, how to get help); returns the exit code. */
export function reportFailure(err: unknown, command: Command | undefined, stderr: NodeJS.WritableStream = process.stderr): number {
  const failure = describeFailure(err);
  if (failure.message !== null) stderr.write(`memtop: ${failure.message}\n`);
  if (process.env.MEMTOP_DEBUG === '1' && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  if (failure.exitCode === EXIT_USAGE && command) {
    const path = commandPath(command);
    stderr.write(`Usage: ${path} ${command.usage()}\nRun '${path} --help' for the options.\n`);
  }
  return failure.exitCode;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * EPIPE on stdout means the reader has gone (`| head -1`): there is nobody left to tell, so memtop
 * exits at once, with 0, instead of dying on an unhandled 'error' event. The same on stderr, where
 * the notes go (`2>&1 | head -1`: the notes come after the report, into the same closed pipe).
 * Any other failure to write the output (a full disk) is said in one line on stderr, exit 1; one
 * on stderr itself leaves nowhere to say it: exit 1.
 */
export function exitQuietlyOnBrokenPipe(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): void {
  // A command that already failed keeps its exit code (a usage error is still 2 when the
  // reader of its message has gone).
  const failedSoFar = () => (typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : null);
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(failedSoFar() ?? EXIT_OK);
    process.exit(reportFailure(new CliError(`cannot write the output: ${errnoWords(err)}`, EXIT_FAILURE), undefined, stderr));
  });
  stderr.on('error', (err: NodeJS.ErrnoException) => {
    process.exit(failedSoFar() ?? (err.code === 'EPIPE' ? EXIT_OK : EXIT_FAILURE));
  });
}

/** For the one-shot commands: an error escaping every handler still ends in one line. */
export function exitOnUncaughtError(): void {
  const handler = (err: unknown) => process.exit(reportFailure(err, undefined));
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
}
