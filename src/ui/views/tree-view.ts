/**
 * The Tree view (htop's F5, with what htop lacks): parents and children indented, each process's
 * own figures and its subtree's totals; siblings sorted by the sort column's subtree figure, so the
 * heaviest tree comes first. + / - (or a click on the branch mark) expand and collapse; a
 * collapsed node keeps its totals. Enter: the Mappings of the selected process.
 */
import type { ColumnContext } from '../../model/column.js';
import { findColumn, columnNeeds } from '../../model/column.js';
import { isSelected } from '../../model/process-filter.js';
import { matchesFilter } from './process-rows.js';
import type { ProcessesView } from './processes-view.js';
import { buildTree, flattenTree, treeKey, type TreeLine, type TreeNode } from '../../model/process-tree.js';
import { DEFAULT_TREE_COLUMN_IDS, TREE_COLUMNS, branchText, siblingOrder } from '../../model/tree-columns.js';
import type { Store } from '../../model/store.js';
import type { Action } from '../key-table.js';
import type { Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { MappingsView } from './mappings-view.js';
import { RowTable } from './row-table.js';
import { processName } from './signal-flow.js';

export class TreeView extends RowTable<TreeLine> implements View {
  readonly id = 'tree';
  readonly title = 'Tree';
  readonly collapsed = new Set<string>();
  /** Whose selection and live filter the tree shows; F5 goes back to it. */
  private readonly list: ProcessesView;
  private roots: TreeNode[] = [];
  /** The tree of the store version it was built from: a sort or a collapse only re-walks it. */
  private built: { version: number; filter: string; selection: object } | null = null;

  constructor(list: ProcessesView) {
    const columns = DEFAULT_TREE_COLUMN_IDS.map((id) => findColumn(TREE_COLUMNS, id)!);
    super(columns, { column: findColumn(TREE_COLUMNS, 'subPss')!, descending: true });
    this.list = list;
  }

  get needs(): ViewNeeds {
    return { reads: columnNeeds([...this.columns, this.sort.column]), mappingsOf: null };
  }

  protected build(store: Store, context: ColumnContext): TreeLine[] {
    // Hidden processes (kernel threads, --user, the live filter) leave the tree; their children become roots.
    const lower = this.list.filterText.toLowerCase();
    if (this.built?.version !== store.version || this.built.filter !== lower || this.built.selection !== this.list.selection) {
      const processes = (store.latest?.processes ?? []).filter((p) => isSelected(p, this.list.selection) && matchesFilter(p, lower));
      this.roots = buildTree(processes, context);
      this.built = { version: store.version, filter: lower, selection: this.list.selection };
    }
    return flattenTree(this.roots, this.collapsed, siblingOrder(this.sort.column, this.sort.descending, context));
  }

  protected keyOf(line: TreeLine): string {
    return treeKey(line.node.process);
  }

  protected note(): string {
    return `${this.roots.length} trees · SUB…: the process and all its descendants; PSS and USS add up exactly, `
      + 'SUBRSS* over-counts pages shared between processes · + - expand / collapse';
  }

  status(context: ViewContext): string {
    const { rows } = this.rows(context.store);
    return `${rows.length} shown · ${this.collapsed.size} collapsed · sort ${this.sort.column.title} ${this.sort.descending ? 'desc' : 'asc'}`;
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const moved = this.tableKey(action, context);
    if (moved) return moved;
    const line = this.selectedRow(context.store);
    switch (action) {
      case 'expand': return line ? this.setCollapsed(line, false) : {};
      case 'collapse': return line ? this.setCollapsed(line, true) : {};
      case 'tree': return { replace: this.list };
      case 'enter': {
        const p = line?.node.process;
        if (!p) return { message: 'no process selected' };
        if (p.kernelThread) return { message: `${processName(p)} is a kernel thread: it has no memory mappings` };
        return { push: new MappingsView({ pid: p.pid, startTimeTicks: p.startTimeTicks }, p.comm) };
      }
      default: return {};
    }
  }

  private setCollapsed(line: TreeLine, collapse: boolean): Reaction {
    const key = treeKey(line.node.process);
    if (line.node.children.length === 0) return { message: `${processName(line.node.process)} has no children` };
    if (collapse === this.collapsed.has(key)) return {};
    if (collapse) this.collapsed.add(key);
    else this.collapsed.delete(key);
    this.changed();
    return { redraw: true };
  }

  /** A click on the branch mark (+ or -) toggles it; anywhere else selects. */
  protected override clickRow(index: number, x: number, rows: readonly TreeLine[]): Reaction {
    const moved = this.moveTo(index, rows);
    const line = rows[index];
    const at = this.layout?.columns.findIndex((c) => c.id === 'command') ?? -1;
    if (!this.layout || at < 0 || line.node.children.length === 0) return moved;
    const left = this.layout.widths.slice(0, at).reduce((sum, w) => sum + w + 1, 0);
    const markAt = left + branchText(line).length - 2;
    if (x !== markAt) return moved;
    return this.setCollapsed(line, !line.collapsed);
  }
}
