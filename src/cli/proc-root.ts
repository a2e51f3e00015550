/**
 * The proc root a command reads (--proc DIR, else $MEMTOP_PROC, else /proc), checked once up
 * front so that a wrong one gets one clear line instead of a failure deep in the sampler.
 */
import { ProcFs } from '../proc/procfs.js';
import { CliError } from './cli-error.js';
import { procRoot } from './option-values.js';

export function openProcRoot(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): ProcFs {
  const root = procRoot(flagValue, env);
  const procfs = new ProcFs(root);
  const from = flagValue !== undefined ? '--proc' : env.MEMTOP_PROC ? 'MEMTOP_PROC' : 'the default';
  if (!procfs.exists('.')) throw new CliError(`${root}: no such directory (proc root from ${from})`);
  if (!procfs.exists('meminfo')) {
    throw new CliError(`${root} does not look like a /proc file system: it has no meminfo (proc root from ${from})`);
  }
  return procfs;
}
