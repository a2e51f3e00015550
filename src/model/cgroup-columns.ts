/**
 * A cgroup group's own figures beside its processes' sums: the readable name, and the charge the
 * kernel keeps for the cgroup (page cache and kernel memory included), its limit and how often
 * it was hit. A group whose charge was not read (no cgroup root, a path outside it) shows them
 * as unknown.
 */
import type { CgroupCharge } from '../proc/cgroup-memory.js';
import type { Column } from './column.js';
import { cgroupName } from './cgroup-name.js';
import type { ProcessAggregate } from './process-aggregate.js';

/** A --group cgroup row: the aggregate, with its cgroup's charge when read. */
export interface CgroupAggregate extends ProcessAggregate {
  charge?: CgroupCharge | null;
}

type G = CgroupAggregate;

function charged(id: string, title: string, description: string, kind: 'bytes' | 'integer', get: (c: CgroupCharge) => number | null): Column<G> {
  return {
    id, title, description, width: id === 'limit' ? 7 : 6, align: 'right', kind, needs: ['cgroup'], descendingByDefault: true,
    value: (g) => (g.charge ? get(g.charge) : null), json: { name: id },
  };
}

export const CGROUP_NAME_COLUMN: Column<G> = {
  id: 'name', title: 'NAME', description: 'The cgroup: systemd unit, or container runtime and short id', width: 22, align: 'left', kind: 'text',
  needs: ['cgroup'], descendingByDefault: false, value: (g) => cgroupName(g.key), json: { name: 'name' },
};

export const CGROUP_CHARGE_COLUMNS: readonly Column<G>[] = [
  charged('charge', 'CHARGE', 'Memory charged to the cgroup, page cache included (v1 memory.usage_in_bytes, v2 memory.current)', 'bytes', (c) => c.usageBytes),
  charged('limit', 'LIMIT', 'The cgroup\'s limit (v1 memory.limit_in_bytes, v2 memory.max); "-" none', 'bytes', (c) => c.limitBytes),
  charged('failcnt', 'FAILS', 'Times the limit was hit (v1 memory.failcnt)', 'integer', (c) => c.failcnt),
  charged('oom', 'OOM', 'OOM kills in the cgroup (v2 memory.events oom_kill)', 'integer', (c) => c.oomKills),
];

/** The groups with their charges (matched by path). */
export function withCharges(groups: readonly ProcessAggregate[], charges: readonly CgroupCharge[] | undefined): CgroupAggregate[] {
  const byPath = new Map((charges ?? []).map((c) => [c.path, c]));
  return groups.map((g) => ({ ...g, charge: byPath.get(g.key) ?? null }));
}
