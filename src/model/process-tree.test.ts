import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree, flattenTree, subtreeKeys, treeKey } from './process-tree.js';
import { siblingOrder, TREE_COLUMNS, branchText } from './tree-columns.js';
import { findColumn } from './column.js';
import { processRecord } from '../../test/helpers/process-record.js';

const context = { memTotalBytes: 1 << 30, nowEpochMs: 0 };
const processes = [
  processRecord({ pid: 1, ppid: 0, comm: 'init', pssBytes: 10, ussBytes: 5, rssBytes: 100 }),
  processRecord({ pid: 20, ppid: 1, comm: 'small', pssBytes: 1, ussBytes: 1, rssBytes: 50 }),
  processRecord({ pid: 30, ppid: 1, comm: 'big', pssBytes: 100, ussBytes: 90, rssBytes: 200 }),
  processRecord({ pid: 31, ppid: 30, comm: 'kid', pssBytes: 1000, ussBytes: null, rssBytes: 1100 }),
  processRecord({ pid: 40, ppid: 999, comm: 'orphan', pssBytes: 7, ussBytes: 7, rssBytes: 7 }),
];

test('every node carries its subtree totals; PSS sums exactly, unknown USS leaves the sum partial', () => {
  const roots = buildTree(processes, context);
  assert.deepEqual(roots.map((r) => r.process.pid), [1, 40], 'a parent not in the list makes a root');
  const init = roots[0];
  assert.equal(init.subtree.count, 4);
  assert.equal(init.subtree.sums.pss, 1111);
  assert.equal(init.subtree.sums.uss, 96);
  assert.equal(init.subtree.unknown.uss, 1);
  assert.equal(init.subtree.sums.rss, 1450);
});

test('siblings are ordered by subtree totals (heaviest first); collapse hides children, keeps totals', () => {
  const roots = buildTree(processes, context);
  const order = siblingOrder(findColumn(TREE_COLUMNS, 'subPss')!, true, context);
  const lines = flattenTree(roots, new Set(), order);
  assert.deepEqual(lines.map((l) => [l.node.process.pid, l.depth]), [[1, 0], [30, 1], [31, 2], [20, 1], [40, 0]]);
  assert.deepEqual(lines.map((l) => branchText(l)), ['- ', '├─- ', '│  └─  ', '└─  ', '  ']);
  const folded = flattenTree(roots, new Set([treeKey(roots[0].process)]), order);
  assert.deepEqual(folded.map((l) => l.node.process.pid), [1, 40]);
  assert.equal(folded[0].collapsed, true);
  assert.equal(branchText(folded[0]), '+ ');
  assert.equal(findColumn(TREE_COLUMNS, 'subPss')!.value(folded[0], context), 1111, 'totals survive the collapse');
  assert.deepEqual([...subtreeKeys(roots[0].children[1])].sort(), ['30:100', '31:100']);
});

test('a parent loop (PIDs reused between reads) still shows each process once; an unknown ppid is a root', () => {
  const loop = [processRecord({ pid: 5, ppid: 6 }), processRecord({ pid: 6, ppid: 5 }), processRecord({ pid: 7, ppid: null as unknown as number })];
  const lines = flattenTree(buildTree(loop, context), new Set(), (a, b) => a.process.pid - b.process.pid);
  assert.deepEqual(lines.map((l) => l.node.process.pid).sort(), [5, 6, 7]);
});
