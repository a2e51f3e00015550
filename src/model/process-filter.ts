/** Which processes a report or view shows: --pid, --user, --filter, --kernel. */
import type { ProcessSample } from '../sampler/sample.js';

export interface ProcessSelection {
  pids?: readonly number[];
  /** User name or numeric uid. */
  user?: string;
  /** Matched against comm and the command line. */
  filter?: RegExp;
  /** Show kernel threads (hidden by default, as in htop). */
  kernel?: boolean;
}

export function isSelected(p: ProcessSample, selection: ProcessSelection): boolean {
  if (p.kernelThread && !selection.kernel) return false;
  if (selection.pids && selection.pids.length > 0 && !selection.pids.includes(p.pid)) return false;
  if (selection.user !== undefined && p.user !== selection.user && String(p.uid) !== selection.user) return false;
  if (selection.filter && !selection.filter.test(p.comm) && !selection.filter.test(p.cmdline)) return false;
  return true;
}

export function selectProcesses(processes: readonly ProcessSample[], selection: ProcessSelection): ProcessSample[] {
  return processes.filter((p) => isSelected(p, selection));
}
