/**
 * After an uncaught error: the whole story in a log file whose path is printed. /tmp is shared,
 * so the file is created new, never opened through a link someone planted there (root's memtop
 * would truncate the link's target): O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600. When that name is
 * taken, the log goes into a private directory made by mkdtemp (mode 0700) instead.
 */
import { closeSync, constants, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

function writeNew(path: string, text: string): void {
  const fd = openSync(path, CREATE_NEW, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** The path the log was written to, or a parenthesised reason when none could be. */
export function writeCrashLog(error: unknown, dir = tmpdir()): string {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  const text = [`memtop crashed at ${new Date().toISOString()}`, `node ${process.version}, ${process.platform} ${process.arch}`,
    `argv: ${JSON.stringify(process.argv)}`, '', detail, ''].join('\n');
  const named = join(dir, `memtop-crash-${process.pid}.log`);
  try {
    writeNew(named, text);
    return named;
  } catch {
    // Taken (a file or a link of that name): a directory only this user can enter.
  }
  try {
    const path = join(mkdtempSync(join(dir, `memtop-crash-${process.pid}-`)), 'crash.log');
    writeNew(path, text);
    return path;
  } catch {
    return '(could not write a log file)';
  }
}
