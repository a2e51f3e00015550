/**
 * The proc root a command reads (--proc DIR, else $MEMTOP_PROC, else /proc), checked once up
 * front so that a wrong one gets one clear line instead of a failure deep in the sampler.
 */
import { directoryProblem, procFsAt } from '../host/proc-access.js';
import { CliError, usageError } from './cli-error.js';
import { procRoot } from './option-values.js';

export function openProcRoot(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): ReturnType<typeof procFsAt> {
  const root = procRoot(flagValue, env);
  const from = flagValue !== undefined ? '--proc' : env.MEMTOP_PROC ? 'MEMTOP_PROC' : 'the default';
  if (root === '') throw usageError('--proc takes a directory, not \'\'');
  const problem = directoryProblem(root);
  if (problem !== null) throw new CliError(`${root}: ${problem} (proc root from ${from})`);
  const procfs = procFsAt(root);
  if (!procfs.exists('meminfo')) {
    throw new CliError(`${root} does not look like a /proc file system: it has no meminfo (proc root from ${from})`);
  }
  return procfs;
}
