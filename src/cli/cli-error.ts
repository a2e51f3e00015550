/**
 * Errors the command line reports as one clear line, with its exit code: 2 for usage (a bad
 * flag value, an unknown column), 1 for a failure at run time (no such process, no /proc).
 * Never a stack trace.
 */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}
