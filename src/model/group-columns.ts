/**
 * The columns of a grouped table (--group program|user), derived from the process columns: the
 * group's name (the comm or user column), how many processes it holds, and every process column
 * that aggregates, combined as its `aggregate` says. Ids are the process columns' ids, so --sort
 * pss works grouped or not.
 */
import { findColumn, type Column } from './column.js';
import type { GroupBy } from './group-processes.js';
import type { ProcessAggregate } from './process-aggregate.js';
import { AGGREGATED_PROCESS_COLUMNS, PROCESS_COLUMNS } from './process-columns.js';
import { CGROUP_CHARGE_COLUMNS, CGROUP_NAME_COLUMN } from './cgroup-columns.js';

type G = ProcessAggregate;

const AGGREGATE_WORD = { sum: 'summed', max: 'the largest', none: '' } as const;

/** The grouped form of an aggregating process column: its figure over the group's members. */
function groupedColumn(column: Column<unknown>): Column<G> {
  const { value: _value, sortValue: _sortValue, json, ...rest } = column;
  return {
    ...rest,
    description: `${column.description}, ${AGGREGATE_WORD[column.aggregate ?? 'none']}`,
    value: (g) => g.sums[column.id] ?? null,
    json: json && { name: json.name },
  };
}

const CGROUP_KEY: Column<G> = {
  id: 'cgroup', title: 'CGROUP', description: 'The cgroup that accounts the memory (v1 memory controller, else the v2 path)',
  width: 0, align: 'left', kind: 'text', needs: ['cgroup'], descendingByDefault: false, value: (g) => g.key,
};

function keyColumn(by: GroupBy): Column<G> {
  if (by === 'cgroup') return CGROUP_KEY;
  const from = findColumn(PROCESS_COLUMNS, by === 'program' ? 'comm' : 'user')!;
  return {
    id: by, title: by.toUpperCase(), description: from.description, width: from.width, align: from.align, kind: from.kind,
    needs: from.needs, descendingByDefault: false, value: (g) => g.key,
  };
}

const COUNT_COLUMN: Column<G> = {
  id: 'count', title: 'COUNT', description: 'Number of processes', width: 5, align: 'right', kind: 'integer', needs: ['stat'],
  descendingByDefault: true, value: (g) => g.count,
};

const GROUPED = AGGREGATED_PROCESS_COLUMNS.map((c) => groupedColumn(c as Column<unknown>));

export function groupColumns(by: GroupBy): Column<G>[] {
  if (by === 'cgroup') return [CGROUP_NAME_COLUMN, COUNT_COLUMN, ...GROUPED, ...CGROUP_CHARGE_COLUMNS, keyColumn(by)];
  return [keyColumn(by), COUNT_COLUMN, ...GROUPED];
}

export function defaultGroupColumnIds(by: GroupBy): string[] {
  // A cgroup path is long: it takes the rest of the line, last.
  if (by === 'cgroup') return ['name', 'count', 'rss', 'pss', 'uss', 'charge', 'limit', 'failcnt', 'oom', by];
  return [by, 'count', 'rss', 'pss', 'uss', 'swap', 'cpu', 'mem'];
}
