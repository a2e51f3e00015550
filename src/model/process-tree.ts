/**
 * The process tree (htop's F5) with subtree totals: every node carries its own process and the
 * aggregate of its whole subtree (itself included), combined as each column's `aggregate` says.
 * PSS and USS subtree sums are exact; an RSS sum counts a page shared by parent and child once
 * per process, so it over-counts. The parent is stat's ppid; a process whose parent is not in
 * the list (or unknown) is a root. Threads are not processes here, so they never appear.
 */
import type { ProcessSample } from '../sampler/sample.js';
import type { ColumnContext } from './column.js';
import { addAggregate, addProcess, emptyAggregate, type ProcessAggregate } from './process-aggregate.js';

export interface TreeNode {
  process: ProcessSample;
  children: TreeNode[];
  /** The process and all its descendants. */
  subtree: ProcessAggregate;
}

/** Roots of the forest, children in list order. Every process appears exactly once. */
export function buildTree(processes: readonly ProcessSample[], context: ColumnContext): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const p of processes) nodes.set(p.pid, { process: p, children: [], subtree: emptyAggregate(String(p.pid)) });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const ppid = node.process.ppid;
    const parent = ppid === null || ppid === node.process.pid ? undefined : nodes.get(ppid);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // A parent loop (PIDs reused between two reads) is unreachable from any root: break it.
  const reached = new Set<TreeNode>();
  const order: TreeNode[] = [];
  const visit = (from: TreeNode[]) => {
    const stack = [...from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (reached.has(node)) continue;
      reached.add(node);
      order.push(node);
      for (const child of node.children) stack.push(child);
    }
  };
  visit(roots);
  for (const node of nodes.values()) {
    if (reached.has(node)) continue;
    for (const other of nodes.values()) other.children = other.children.filter((c) => c !== node);
    roots.push(node);
    visit([node]);
  }
  // Children are visited after their parent: sum from the end.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    addProcess(node.subtree, node.process, context);
    for (const child of node.children) addAggregate(node.subtree, child.subtree);
  }
  return roots;
}

/** One line of the tree as shown: a node, its depth and its branch state. */
export interface TreeLine {
  node: TreeNode;
  depth: number;
  /** It has children and they are hidden. */
  collapsed: boolean;
  /** For each depth 1..depth: whether the ancestor at that depth (or the node, last) is a last child. */
  lastAt: boolean[];
}

export function treeKey(p: ProcessSample): string {
  return `${p.pid}:${p.startTimeTicks}`;
}

/**
 * The lines shown, depth first; siblings ordered by `compare` (by subtree totals: the heaviest
 * tree first); the children of a collapsed node (by treeKey) are left out.
 */
export function flattenTree(roots: readonly TreeNode[], collapsed: ReadonlySet<string>,
  compare: (a: TreeNode, b: TreeNode) => number): TreeLine[] {
  const lines: TreeLine[] = [];
  const walk = (siblings: readonly TreeNode[], depth: number, lastAbove: boolean[]) => {
    const sorted = [...siblings].sort(compare);
    sorted.forEach((node, i) => {
      const lastAt = depth === 0 ? [] : [...lastAbove, i === sorted.length - 1];
      const isCollapsed = node.children.length > 0 && collapsed.has(treeKey(node.process));
      lines.push({ node, depth, collapsed: isCollapsed, lastAt });
      if (!isCollapsed) walk(node.children, depth + 1, lastAt);
    });
  };
  walk(roots, 0, []);
  return lines;
}

/** The keys of every process in a subtree (for "the processes of this tree"). */
export function subtreeKeys(node: TreeNode): Set<string> {
  const keys = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    keys.add(treeKey(n.process));
    stack.push(...n.children);
  }
  return keys;
}
