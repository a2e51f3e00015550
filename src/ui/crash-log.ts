/** After an uncaught error: the whole story in a log file whose path is printed. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeCrashLog(error: unknown, dir = tmpdir()): string {
  const path = join(dir, `memtop-crash-${process.pid}.log`);
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  const text = [`memtop crashed at ${new Date().toISOString()}`, `node ${process.version}, ${process.platform} ${process.arch}`,
    `argv: ${JSON.stringify(process.argv)}`, '', detail, ''].join('\n');
  try {
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  } catch {
    return '(could not write a log file)';
  }
}
