/** Which processes a report or view shows: --pid, --user, --filter, --kernel. */
import type { ProcessSample } from '../sampler/sample.js';
import { groupKey, type GroupBy } from './group-processes.js';

export interface ProcessSelection {
  pids?: readonly number[];
  /** User name, or a uid in digits (compared as a number). */
  user?: string;
  /** Matched against comm and the command line. */
  filter?: RegExp;
  /** Show kernel threads (hidden by default, as in htop). */
  kernel?: boolean;
  /** Only the members of one group (a Programs, Users or Containers row drilled into). */
  group?: { by: GroupBy; key: string };
  /** Only these processes (pid:startTimeTicks): a subtree, or the processes mapping a file. */
  members?: ReadonlySet<string>;
}

export function isSelected(p: ProcessSample, selection: ProcessSelection): boolean {
  if (p.kernelThread && !selection.kernel) return false;
  if (selection.pids && selection.pids.length > 0 && !selection.pids.includes(p.pid)) return false;
  if (selection.user !== undefined && !isUser(p, selection.user)) return false;
  if (selection.filter && !selection.filter.test(p.comm) && !selection.filter.test(p.cmdline)) return false;
  if (selection.group && groupKey(p, selection.group.by) !== selection.group.key) return false;
  if (selection.members && !selection.members.has(`${p.pid}:${p.startTimeTicks}`)) return false;
  return true;
}

/** A --user value in digits names a uid (compared as a number), anything else a user name. */
export function isUidText(user: string): boolean {
  return /^\d+$/.test(user);
}

function isUser(p: ProcessSample, user: string): boolean {
  return isUidText(user) ? p.uid === Number(user) : p.user === user;
}

export function selectProcesses(processes: readonly ProcessSample[], selection: ProcessSelection): ProcessSample[] {
  return processes.filter((p) => isSelected(p, selection));
}
