/**
 * The columns of a grouped table (--group program|user): the group's name, how many processes
 * it holds, and the summed figures. Ids match the process columns where the meaning carries
 * over (rss, pss, ...), so --sort pss works grouped or not.
 */
import type { Column, Need } from './column.js';
import type { GroupBy } from './group-processes.js';
import type { ProcessAggregate, SummedField } from './process-aggregate.js';

type G = ProcessAggregate;

function summed(id: SummedField, title: string, description: string, needs: Need[]): Column<G> {
  return {
    id, title, description, width: 6, align: 'right', kind: id === 'cpu' ? 'percent' : 'bytes', needs,
    descendingByDefault: true, value: (g) => g.sums[id],
  };
}

export function groupColumns(by: GroupBy): Column<G>[] {
  const key: Column<G> = by === 'program'
    ? { id: 'program', title: 'PROGRAM', description: 'Command name (comm)', width: 15, align: 'left', kind: 'text', needs: ['stat'], descendingByDefault: false, value: (g) => g.key }
    : { id: 'user', title: 'USER', description: 'Effective user', width: 9, align: 'left', kind: 'text', needs: ['status'], descendingByDefault: false, value: (g) => g.key };
  return [
    key,
    { id: 'count', title: 'COUNT', description: 'Number of processes', width: 5, align: 'right', kind: 'integer', needs: ['stat'], descendingByDefault: true, value: (g) => g.count },
    summed('vss', 'VSS', 'Virtual size, summed', ['status']),
    summed('rss', 'RSS', 'Resident, summed (shared pages counted once per process)', ['status']),
    summed('shr', 'SHR', 'Resident and shareable, summed', ['status']),
    summed('pss', 'PSS', 'Proportional set size, summed: what the group costs', ['detail']),
    summed('uss', 'USS', 'Unique set size, summed: what exiting the group frees', ['detail']),
    summed('swap', 'SWAP', 'Swapped out, summed', ['status']),
    summed('swapPss', 'SWPSS', 'Swapped out, divided among sharers, summed', ['detail']),
    summed('cpu', 'CPU%', 'CPU use, summed (100 = one core)', ['stat']),
    { id: 'mem', title: 'MEM%', description: 'Summed RSS as a share of MemTotal', width: 5, align: 'right', kind: 'percent', needs: ['status'], descendingByDefault: true, value: (g, c) => (g.sums.rss === null || c.memTotalBytes <= 0 ? null : (g.sums.rss / c.memTotalBytes) * 100) },
  ];
}

export function defaultGroupColumnIds(by: GroupBy): string[] {
  return [by, 'count', 'rss', 'pss', 'uss', 'swap', 'cpu', 'mem'];
}
