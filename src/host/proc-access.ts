/**
 * Opening a proc root for the commands: the CLI and the UI never touch the file system
 * themselves (layer rules), so they are handed the reader and the directory check from here.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { ProcFs } from '../proc/procfs.js';

/** A reader of the proc root at `root` (/proc, a host's /proc, a fixture tree). */
export function procFsAt(root: string): ProcFs {
  return new ProcFs(root);
}

/** Why `path` cannot serve as a directory to read, or null when it can. */
export function directoryProblem(path: string): string | null {
  try {
    if (!statSync(path).isDirectory()) return 'not a directory';
    accessSync(path, constants.R_OK | constants.X_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOTDIR') return 'not a directory';
    return 'no such directory';
  }
}
