import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../../../src/proc/procfs.js';
import { Sampler } from '../../../src/sampler/sampler.js';
import { columnNeeds, findColumn } from '../../../src/model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../../../src/model/process-columns.js';
import { DEFAULT_TREE_COLUMN_IDS, TREE_COLUMNS, siblingOrder } from '../../../src/model/tree-columns.js';
import { defaultGroupColumnIds, groupColumns } from '../../../src/model/group-columns.js';
import { buildTree, flattenTree } from '../../../src/model/process-tree.js';
import { groupProcesses } from '../../../src/model/group-processes.js';

const processNeeds = columnNeeds(DEFAULT_PROCESS_COLUMN_IDS.map((id) => findColumn(PROCESS_COLUMNS, id)!));

test('the Tree and Programs/Users views need no file the Processes view does not read already', () => {
  const tree = columnNeeds(DEFAULT_TREE_COLUMN_IDS.map((id) => findColumn(TREE_COLUMNS, id)!));
  for (const by of ['program', 'user'] as const) {
    const group = columnNeeds(defaultGroupColumnIds(by).map((id) => findColumn(groupColumns(by), id)!));
    assert.deepEqual([...group].filter((n) => !processNeeds.has(n)), [], by);
  }
  assert.deepEqual([...tree].filter((n) => !processNeeds.has(n)), []);
  const cgroup = columnNeeds(defaultGroupColumnIds('cgroup').map((id) => findColumn(groupColumns('cgroup'), id)!));
  assert.deepEqual([...cgroup].filter((n) => !processNeeds.has(n)), ['cgroup'], 'Containers adds /proc/PID/cgroup alone');
});

test('tree and grouped figures come from the sample: no file is opened to compute them (real /proc, counted)', () => {
  const procfs = new ProcFs('/proc');
  const sampler = new Sampler({ procfs, exact: true, needs: processNeeds });
  const sample = sampler.sample();
  procfs.openCounts = new Map();
  const context = { memTotalBytes: sample.system.meminfo.MemTotal ?? 0, nowEpochMs: sample.timeMs };
  const roots = buildTree(sample.processes, context);
  const lines = flattenTree(roots, new Set(), siblingOrder(findColumn(TREE_COLUMNS, 'subPss')!, true, context));
  const programs = groupProcesses(sample.processes, 'program', context);
  assert.equal(lines.length, sample.processes.length, 'every process once in the tree');
  assert.equal(programs.reduce((sum, g) => sum + g.count, 0), sample.processes.length);
  assert.equal(procfs.openCounts.size, 0, `opened: ${[...procfs.openCounts.keys()].join(', ')}`);
  assert.ok(sample.stats.reads.stat > 0, 'the sample itself read /proc');
});
