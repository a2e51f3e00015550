/**
 * The proc root a command reads (--proc DIR, else $MEMTOP_PROC, else /proc), checked once up
 * front so that a wrong one gets one clear line instead of a failure deep in the sampler.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { ProcFs } from '../proc/procfs.js';
import { CliError, usageError } from './cli-error.js';
import { procRoot } from './option-values.js';

export function openProcRoot(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): ProcFs {
  const root = procRoot(flagValue, env);
  const from = flagValue !== undefined ? '--proc' : env.MEMTOP_PROC ? 'MEMTOP_PROC' : 'the default';
  if (root === '') throw usageError('--proc takes a directory, not \'\'');
  const problem = directoryProblem(root);
  if (problem !== null) throw new CliError(`${root}: ${problem} (proc root from ${from})`);
  const procfs = new ProcFs(root);
  if (!procfs.exists('meminfo')) {
    throw new CliError(`${root} does not look like a /proc file system: it has no meminfo (proc root from ${from})`);
  }
  return procfs;
}

/** Why `path` cannot serve as a directory to read, or null when it can. */
function directoryProblem(path: string): string | null {
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
