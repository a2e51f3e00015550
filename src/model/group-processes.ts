/**
 * --group program (like ps_mem: one row per program, its processes summed), --group user
 * (like smem -u) and --group cgroup (the cgroup that accounts the memory, as systemd-cgtop). The program is the command name from stat (comm, 15 characters, as top shows
 * it), so every process of `postgres` or `chrome` lands in one row whatever its arguments.
 * RSS summed over processes counts shared pages once per process (as smem does); PSS and USS
 * are the figures that add up.
 */
import type { ProcessSample } from '../sampler/sample.js';
import type { ColumnContext } from './column.js';
import { addProcess, emptyAggregate, type ProcessAggregate } from './process-aggregate.js';

export type GroupBy = 'program' | 'user' | 'cgroup';

export const GROUP_BY_VALUES: readonly GroupBy[] = ['program', 'user', 'cgroup'];

/** The group of a process whose cgroup was not read or could not be. */
export const UNKNOWN_CGROUP = '?';

export function groupKey(p: ProcessSample, by: GroupBy): string {
  if (by === 'cgroup') return p.cgroupPath ?? UNKNOWN_CGROUP;
  return by === 'program' ? p.comm : p.user;
}

/** One aggregate per distinct key, in order of first appearance. */
export function groupProcesses(processes: readonly ProcessSample[], by: GroupBy, context: ColumnContext): ProcessAggregate[] {
  const groups = new Map<string, ProcessAggregate>();
  for (const p of processes) {
    const key = groupKey(p, by);
    let group = groups.get(key);
    if (group === undefined) {
      group = emptyAggregate(key);
      groups.set(key, group);
    }
    addProcess(group, p, context);
  }
  return [...groups.values()];
}
