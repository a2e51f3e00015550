/**
 * What a one-shot command prints: the report on stdout, then notes for the reader on stderr
 * (after the report, so that on a terminal they read as footnotes; CSV and JSON stay clean).
 */

export interface Report {
  /** The whole output, written with one call (cheapest for large JSON). */
  stdout: string;
  /** Notes about the data (refused files, partial sums). */
  notes: string[];
  /** The exit status when the report could not give what was asked (nothing matched, or a --pid refused or garbled): 1. */
  exitCode?: number;
}

export function writeOutput(report: Report, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): void {
  stdout.write(report.stdout);
  for (const note of report.notes) stderr.write(`memtop: ${note}\n`);
  if (report.exitCode !== undefined) process.exitCode = report.exitCode;
}
