/**
 * Metric names derived from the column table: a process column's `metric` (memtop_process_pss_bytes)
 * gives the per-group name (memtop_program_pss_bytes, memtop_user_…, memtop_cgroup_…, memtop_total_…)
 * and its HELP, so there is no second list of metrics to keep in step.
 */
import type { Column, MetricField } from '../model/column.js';
import type { ProcessSample } from '../sampler/sample.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';

const PROCESS_PREFIX = 'memtop_process_';

/** The columns that become per-process metrics, in table order. */
export const METRIC_COLUMNS: readonly (Column<ProcessSample> & { metric: MetricField })[] =
  PROCESS_COLUMNS.filter((c): c is Column<ProcessSample> & { metric: MetricField } => c.metric !== undefined);

/** The columns whose metric is also summed per group (sums add up; a largest-of does not). */
export const SUMMED_METRIC_COLUMNS = METRIC_COLUMNS.filter((c) => c.aggregate === 'sum');

export type GroupKind = 'program' | 'user' | 'cgroup' | 'total';

const GROUP_WORDS: Record<GroupKind, string> = {
  program: "summed over the program's processes (same comm)",
  user: "summed over the user's processes",
  cgroup: "summed over the cgroup's processes",
  total: 'summed over every process sampled',
};

/** memtop_process_pss_bytes → memtop_program_pss_bytes (for kind 'program'). */
export function groupMetricName(metric: MetricField, kind: GroupKind): string {
  if (!metric.name.startsWith(PROCESS_PREFIX)) throw new Error(`metric ${metric.name} does not start with ${PROCESS_PREFIX}`);
  return `memtop_${kind}_${metric.name.slice(PROCESS_PREFIX.length)}`;
}

export function groupMetricHelp(metric: MetricField, kind: GroupKind): string {
  return `${metric.help}, ${GROUP_WORDS[kind]}`;
}

/** Keys whose plain snake case would read as an abbreviated unit (s, sec) to promtool's lint. */
const MEMINFO_WORDS: Record<string, string> = {
  SReclaimable: 'slab_reclaimable',
  SUnreclaim: 'slab_unreclaimable',
  SecPageTables: 'secondary_page_tables',
};

/**
 * A /proc/meminfo key as part of a metric name, in snake case as Prometheus's conventions (and
 * promtool's lint) ask: MemTotal → mem_total, Active(anon) → active_anon, DirectMap2M →
 * direct_map2m. Counts (HugePages_*) end in _pages, sizes in _bytes.
 */
export function meminfoMetricName(key: string, isCount: boolean): string {
  const part = MEMINFO_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
  return `memtop_meminfo_${part}_${isCount ? 'pages' : 'bytes'}`;
}
