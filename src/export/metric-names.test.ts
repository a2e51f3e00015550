import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupMetricHelp, groupMetricName, meminfoMetricName, METRIC_COLUMNS, SUMMED_METRIC_COLUMNS } from './metric-names.js';

test('every metric column gives a valid Prometheus name per group, in base units', () => {
  assert.ok(METRIC_COLUMNS.some((c) => c.metric.name === 'memtop_process_uss_bytes'));
  for (const column of SUMMED_METRIC_COLUMNS) {
    for (const kind of ['program', 'user', 'cgroup', 'total'] as const) {
      assert.match(groupMetricName(column.metric, kind), /^memtop_[a-z]+_[a-z_]+$/);
    }
  }
  const pss = METRIC_COLUMNS.find((c) => c.id === 'pss')!;
  assert.equal(groupMetricName(pss.metric, 'program'), 'memtop_program_pss_bytes');
  assert.match(groupMetricHelp(pss.metric, 'user'), /^Proportional.*summed over the user's processes$/);
});

test('meminfo keys become snake-case metric names with no invalid characters', () => {
  assert.equal(meminfoMetricName('MemTotal', false), 'memtop_meminfo_mem_total_bytes');
  assert.equal(meminfoMetricName('SReclaimable', false), 'memtop_meminfo_slab_reclaimable_bytes');
  assert.equal(meminfoMetricName('AnonHugePages', false), 'memtop_meminfo_anon_huge_pages_bytes');
  assert.equal(meminfoMetricName('Active(anon)', false), 'memtop_meminfo_active_anon_bytes');
  assert.equal(meminfoMetricName('Committed_AS', false), 'memtop_meminfo_committed_as_bytes');
  assert.equal(meminfoMetricName('DirectMap2M', false), 'memtop_meminfo_direct_map2m_bytes');
  assert.equal(meminfoMetricName('HugePages_Total', true), 'memtop_meminfo_huge_pages_total_pages');
});
