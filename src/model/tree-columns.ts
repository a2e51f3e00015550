/**
 * The columns of the Tree view and of `snapshot --group tree`: the process's own figures from the
 * process column table, then its subtree's totals (SUB…: the process and all its descendants).
 * SUBRSS is marked `*`: RSS counts a shared page once per process, so its subtree sum
 * over-counts; SUBPSS and SUBUSS add up exactly.
 */
import { findColumn, compareValues, type Column, type ColumnContext } from './column.js';
import { PROCESS_COLUMNS } from './process-columns.js';
import type { TreeLine, TreeNode } from './process-tree.js';

type T = TreeLine;

function own(id: string): Column<T> {
  const { value, mark, sortValue: _sortValue, json, metric: _metric, ...rest } = findColumn(PROCESS_COLUMNS, id)!;
  return {
    ...rest, value: (line, c) => value(line.node.process, c), json: json && { name: json.name },
    ...(mark && { mark: (line: T, c: ColumnContext) => mark(line.node.process, c) }),
  };
}

function subtree(id: string, title: string, note = ''): Column<T> {
  const from = findColumn(PROCESS_COLUMNS, id)!;
  return {
    id: `sub${id[0].toUpperCase()}${id.slice(1)}`, title, description: `${from.title} of the process and all its descendants${note}`,
    width: 7, align: 'right', kind: from.kind, needs: from.needs, descendingByDefault: true, aggregate: 'none',
    value: (line) => line.node.subtree.sums[id] ?? null, json: { name: `subtree${from.title[0]}${from.title.slice(1).toLowerCase()}` },
  };
}

const COUNT: Column<T> = {
  id: 'subCount', title: 'SUBN', description: 'Processes in the subtree (itself included)', width: 5, align: 'right', kind: 'integer',
  needs: ['stat'], descendingByDefault: true, value: (line) => line.node.subtree.count, json: { name: 'subtreeCount' },
};

/** The command with the branch drawn before it: "├─", "└─", and + where children are hidden. */
export function branchText(line: T): string {
  let prefix = '';
  for (let d = 0; d < line.lastAt.length - 1; d++) prefix += line.lastAt[d] ? '   ' : '│  ';
  if (line.lastAt.length > 0) prefix += line.lastAt[line.lastAt.length - 1] ? '└─' : '├─';
  const mark = line.node.children.length === 0 ? ' ' : line.collapsed ? '+' : '-';
  return `${prefix}${mark} `;
}

const COMMAND: Column<T> = {
  ...own('command'),
  value: (line, c) => branchText(line) + String(findColumn(PROCESS_COLUMNS, 'command')!.value(line.node.process, c)),
};

export const TREE_COLUMNS: readonly Column<T>[] = [
  own('pid'), own('ppid'), own('user'), own('rss'), own('pss'), own('uss'), own('swap'), own('cpu'),
  COUNT, subtree('rss', 'SUBRSS*', ' (over-counts: a page shared by several counts once per process)'),
  subtree('pss', 'SUBPSS'), subtree('uss', 'SUBUSS'), subtree('swap', 'SUBSWAP'), subtree('cpu', 'SUBCPU%'), COMMAND,
];

export const DEFAULT_TREE_COLUMN_IDS = ['pid', 'user', 'pss', 'uss', 'subCount', 'subRss', 'subPss', 'subUss', 'subSwap', 'command'];

/** Siblings ordered by a tree column (its subtree figure for SUB… columns), then by PID. */
export function siblingOrder(column: Column<T>, descending: boolean, context: ColumnContext): (a: TreeNode, b: TreeNode) => number {
  // Each node's key once, not once per comparison.
  const keys = new Map<TreeNode, number | string | null>();
  const key = (node: TreeNode) => {
    let value = keys.get(node);
    if (value === undefined) {
      value = column.value({ node, depth: 0, collapsed: false, lastAt: [] }, context);
      keys.set(node, value);
    }
    return value;
  };
  return (a, b) => compareValues(key(a), key(b), descending) || a.process.pid - b.process.pid;
}
