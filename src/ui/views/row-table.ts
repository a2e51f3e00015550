/**
 * What the aggregate views (Tree, Programs, Users, Containers, Libraries) share: a sorted table
 * of rows built once per sample and settings, a selection that follows its row by key, a window
 * of visible rows, a note line at the bottom, and the keys and clicks that move, sort and invert.
 */
import type { Column, ColumnContext } from '../../model/column.js';
import type { SortSpec } from '../../model/sort-rows.js';
import type { Store } from '../../model/store.js';
import type { Action } from '../key-table.js';
import { navigationTarget } from '../navigation.js';
import { followSelection, type Selection } from '../selection.js';
import { moveSelection, scrollTop } from '../table-window.js';
import type { MouseInput, Reaction, ViewContext } from '../view.js';
import { columnAt, headerLine, layoutTable, rowLine, type TableLayout } from '../widgets/table-text.js';
import { escapeTags } from '../safe-text.js';
import { fit } from '../text-cell.js';
import { columnsForWidth } from './narrow-columns.js';
import { columnContext } from './process-rows.js';

export interface BuiltRows<Row> {
  rows: Row[];
  context: ColumnContext;
}

export abstract class RowTable<Row> {
  columns: Column<Row>[];
  sort: SortSpec<Row>;
  protected selected: Selection<string> = { key: null, index: 0 };
  protected top = 0;
  protected layout: TableLayout<Row> | null = null;
  private cache: { version: number; settings: number; value: BuiltRows<Row> } | null = null;
  private settingsVersion = 0;

  constructor(columns: Column<Row>[], sort: SortSpec<Row>) {
    this.columns = columns;
    this.sort = sort;
  }

  /** The rows, sorted, from the latest sample. */
  protected abstract build(store: Store, context: ColumnContext): Row[];
  protected abstract keyOf(row: Row): string;
  /** The line under the table: what the figures mean. Plain text. */
  protected abstract note(context: ViewContext): string;

  rows(store: Store): BuiltRows<Row> {
    if (!this.cache || this.cache.version !== store.version || this.cache.settings !== this.settingsVersion) {
      const context = columnContext(store);
      const value = { rows: this.build(store, context), context };
      this.cache = { version: store.version, settings: this.settingsVersion, value };
      this.selected = followSelection(value.rows, (r) => this.keyOf(r), (a, b) => a === b, this.selected);
    }
    return this.cache.value;
  }

  selectedRow(store: Store): Row | undefined {
    return this.rows(store).rows[this.selected.index];
  }

  /** Something that changes the rows (sort, collapse). */
  changed(): void {
    this.settingsVersion++;
  }

  render(context: ViewContext): string[] {
    const { rows, context: values } = this.rows(context.store);
    const layout = layoutTable(columnsForWidth(this.columns, context.width, this.sort.column.id).shown, context.width);
    this.layout = layout;
    const visible = Math.max(0, context.height - 2);
    this.top = scrollTop(this.top, this.selected.index, visible, rows.length);
    const lines = [headerLine(layout, this.sort, context.theme)];
    for (let i = this.top; i < Math.min(rows.length, this.top + visible); i++) {
      lines.push(rowLine(layout, rows[i], values, context.theme, i === this.selected.index));
    }
    if (context.store.latest === null) return [...lines, ' reading /proc…'];
    while (lines.length < context.height - 1) lines.push('');
    lines.push(context.theme.bold(escapeTags(fit(this.note(context), context.width))));
    return lines;
  }

  /** Movement and sort keys; undefined for the keys the view answers itself. */
  protected tableKey(action: Action, context: ViewContext): Reaction | undefined {
    const { rows } = this.rows(context.store);
    const target = navigationTarget(action, this.selected.index, Math.max(1, context.height - 3), rows.length);
    if (target !== null) return this.moveTo(target, rows);
    switch (action) {
      case 'sortPrev': return this.sortBy(this.columns[this.stepSort(-1)]);
      case 'sortNext': return this.sortBy(this.columns[this.stepSort(1)]);
      case 'invertSort': this.sort = { ...this.sort, descending: !this.sort.descending }; this.changed(); return { redraw: true };
      default: return undefined;
    }
  }

  onMouse(input: MouseInput, context: ViewContext): Reaction {
    const { rows } = this.rows(context.store);
    if (input.kind === 'wheelup') return this.moveTo(this.selected.index - 3, rows);
    if (input.kind === 'wheeldown') return this.moveTo(this.selected.index + 3, rows);
    if (input.y === 0 && this.layout) {
      const index = columnAt(this.layout, input.x);
      if (index < 0) return {};
      const column = this.layout.columns[index];
      if (column.id === this.sort.column.id) return this.tableKey('invertSort', context) ?? {};
      return this.sortBy(column);
    }
    const row = this.top + input.y - 1;
    if (input.y >= 1 && row < rows.length && input.y < context.height - 1) return this.clickRow(row, input.x, rows);
    return {};
  }

  /** A click on a row selects it (the Tree view also toggles a branch). */
  protected clickRow(index: number, _x: number, rows: readonly Row[]): Reaction {
    return this.moveTo(index, rows);
  }

  moveTo(index: number, rows: readonly Row[]): Reaction {
    const target = moveSelection(index, 0, rows.length);
    this.selected = { key: rows[target] ? this.keyOf(rows[target]) : null, index: target };
    return { redraw: true };
  }

  private stepSort(delta: number): number {
    const at = this.columns.findIndex((c) => c.id === this.sort.column.id);
    const from = at < 0 ? 0 : at;
    return (from + delta + this.columns.length) % this.columns.length;
  }

  sortBy(column: Column<Row>): Reaction {
    this.sort = { column, descending: column.descendingByDefault };
    this.changed();
    return { redraw: true };
  }
}
