/**
 * A proc root that shows only some live processes: a temporary directory of symbolic links to
 * the live /proc's system files and to /proc/PID of the chosen processes. The sampler reads real
 * kernel figures of those processes alone, so a test's time does not grow with the machine's
 * process count (other work on a shared machine).
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NarrowProc {
  root: string;
  remove(): void;
}

export function narrowProc(pids: readonly number[]): NarrowProc {
  const root = mkdtempSync(join(tmpdir(), 'memtop-narrow-proc-'));
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name) ? pids.includes(Number(name)) : !['self', 'thread-self'].includes(name)) symlinkSync(join('/proc', name), join(root, name));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
