/**
 * --group program (like ps_mem: one row per program, its processes summed) and --group user
 * (like smem -u). The program is the command name from stat (comm, 15 characters, as top shows
 * it), so every process of `postgres` or `chrome` lands in one row whatever its arguments.
 * RSS summed over processes counts shared pages once per process (as smem does); PSS and USS
 * are the figures that add up.
 */
import type { ProcessSample } from '../sampler/sample.js';
import type { ColumnContext } from './column.js';
import { addProcess, emptyAggregate, type ProcessAggregate } from './process-aggregate.js';

export type GroupBy = 'program' | 'user';

export const GROUP_BY_VALUES: readonly GroupBy[] = ['program', 'user'];

export function groupKey(p: ProcessSample, by: GroupBy): string {
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
