/**
 * The Mappings view: a live `pmap -x` of one process from its /proc/PID/smaps, read by the
 * worker only while this view is open. Sortable (PSS first), `g` groups by path, a totals line.
 * Each row has its change since the mark (ΔRSS ΔPSS ΔUSS; the mark is the first reading, `m`
 * takes a new one), new mappings and gone ones marked; gone ones stay until the mark moves.
 * When the process exits its last data stays, with a note; when smaps is refused, it says so
 * and shows what status allows.
 */
import { findColumn, type Column } from '../../model/column.js';
import { navigationTarget } from '../navigation.js';
import { MAPPING_DELTA_COLUMNS } from '../../model/mapping-delta-columns.js';
import { deltaRow, type MappingDeltaRow } from '../../model/mapping-delta-row.js';
import { deltaRowAt, deltaTotal, diffGroups, diffTables, sortDeltaRows, sortedDeltaIndexes, type TableDiff } from '../../model/mapping-diff.js';
import { groupKeyOf, totalOfMappings } from '../../model/mapping-row.js';
import type { SmapsTable } from '../../proc/smaps-table.js';
import type { SortSpec } from '../../model/sort-rows.js';
import { onlyInProcesses } from './processes-only.js';
import type { ProcessIdentity, Store } from '../../model/store.js';
import type { Action } from '../key-table.js';
import type { MouseInput, Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import type { Selection } from '../selection.js';
import { moveSelection, scrollTop } from '../table-window.js';
import { columnAt, headerLine, layoutTable, rowCells, rowLine, type TableLayout } from '../widgets/table-text.js';
import { escapeTags } from '../safe-text.js';
import { processName } from './signal-flow.js';
import { mappingsNotice } from './mappings-notice.js';
import { MappingsMark } from './mappings-mark.js';

type M = MappingDeltaRow;

const SHOWN = ['address', 'perms', 'kind', 'size', 'rss', 'pss', 'uss', 'drss', 'dpss', 'duss', 'dirty', 'swap', 'change', 'path'];
/** Below this many cells for the path, these columns step aside in this order (never the sort column). */
const MIN_PATH_CELLS = 32;
const STEP_ASIDE = ['dirty', 'swap', 'dpss', 'perms', 'size'];
const addressWidth = (c: Column<M>) => (c.id === 'address' ? 25 : c.width);

/** The shown columns' layout at this width, with the least needed ones left out while it is narrow. */
function fittedLayout(columns: readonly Column<M>[], width: number, sortId: string): TableLayout<M> {
  let shown = [...columns];
  let layout = layoutTable(shown, width, addressWidth);
  for (const id of STEP_ASIDE) {
    if (layout.widths[shown.length - 1] >= MIN_PATH_CELLS) break;
    if (id === sortId) continue;
    shown = shown.filter((c) => c.id !== id);
    layout = layoutTable(shown, width, addressWidth);
  }
  return layout;
}
const CONTEXT = { memTotalBytes: 0, nowEpochMs: 0 };
const NO_ROWS: ShownRows = groupedRows([], deltaRow(totalOfMappings([]), null));

/** pmap prints the start address; here start-end as the kernel prints them, or a group's count. */
function addressText(column: Column<M>, row: M): string | undefined {
  if (column.id !== 'address') return undefined;
  return row.count !== 1 ? `${row.count} mapping${row.count === 1 ? '' : 's'}` : `${row.start}-${row.end}`;
}

/** A mapping is known by its start address (a gone one apart: a new one may start there); a group by its key. */
function rowKey(row: M, grouped: boolean): string {
  if (grouped) return groupKeyOf(row);
  return row.change === 'gone' ? `gone ${row.start}` : row.start;
}

/**
 * The rows shown, in order: groups as objects (a few hundred at most), single mappings as
 * indexes into the table, made into rows only when drawn (a process can have 60,000).
 */
export interface ShownRows {
  length: number;
  at(index: number): M;
  total: M;
  grouped: boolean;
}

function groupedRows(groups: M[], total: M): ShownRows {
  return { length: groups.length, at: (index) => groups[index], total, grouped: true };
}

function diffRows(diff: TableDiff, order: readonly number[], total: M): ShownRows {
  return { length: order.length, at: (index) => deltaRowAt(diff, order[index]), total, grouped: false };
}

/** followSelection over shown rows: the selected key's new index, or the old index clamped. */
function follow(rows: ShownRows, selected: Selection<string>): Selection<string> {
  if (rows.length === 0) return { key: selected.key, index: 0 };
  if (selected.key !== null) {
    for (let i = 0; i < rows.length; i++) if (rowKey(rows.at(i), rows.grouped) === selected.key) return { key: selected.key, index: i };
  }
  const index = Math.max(0, Math.min(selected.index, rows.length - 1));
  return { key: rowKey(rows.at(index), rows.grouped), index };
}

export class MappingsView implements View {
  readonly id = 'mappings';
  readonly title: string;
  readonly target: ProcessIdentity;
  readonly columns: Column<M>[] = SHOWN.map((id) => findColumn(MAPPING_DELTA_COLUMNS, id)!);
  sort: SortSpec<M> = { column: findColumn(MAPPING_DELTA_COLUMNS, 'pss')!, descending: true };
  readonly mark = new MappingsMark();
  grouped = false;
  private selected: Selection<string> = { key: null, index: 0 };
  private top = 0;
  private layout: TableLayout<M> | null = null;
  private cache: { table: SmapsTable; settings: string; rows: ShownRows } | null = null;

  constructor(target: ProcessIdentity, comm: string) {
    this.target = target;
    this.title = `${processName({ comm, pid: target.pid })} › Mappings`;
  }

  get needs(): ViewNeeds {
    // Its smaps is read by mappingsOf; no per-process reads beyond the listing.
    return { reads: new Set(), mappingsOf: this.target };
  }

  /**
   * Rows of the latest reading against the mark, grouped and sorted; null before the first
   * reading. Made once per reading, mark and setting, not per sample: a huge process's smaps is
   * read far less often.
   */
  rows(store: Store): ShownRows | null {
    const table = store.mappings?.mappings;
    const mark = this.mark.of(store);
    if (!table || !mark) return null;
    const settings = `${this.sort.column.id}:${this.sort.descending}:${this.grouped}:${this.mark.generation}`;
    if (!this.cache || this.cache.table !== table || this.cache.settings !== settings) {
      const total = deltaTotal({ mark, now: table });
      let rows: ShownRows;
      if (this.grouped) {
        rows = groupedRows(sortDeltaRows(diffGroups(mark, table), this.sort, CONTEXT), total);
      } else {
        const diff = diffTables(mark, table);
        rows = diffRows(diff, sortedDeltaIndexes(diff, this.sort, CONTEXT), total);
      }
      this.cache = { table, settings, rows };
      this.selected = follow(rows, this.selected);
    }
    return this.cache.rows;
  }

  /** The lines above the table: the notice (mappings-notice.ts) and the mark's. */
  private above(context: ViewContext): string[] {
    return [...mappingsNotice(context.store, this.target, context.theme), ...this.mark.line(context.store, context.theme)];
  }

  /** Popped: the sorted rows of a huge process (the table and its order) and the mark are not kept. */
  close(): void {
    this.cache = null;
    this.mark.clear();
  }

  render(context: ViewContext): string[] {
    const { store, theme } = context;
    const data = this.rows(store);
    const notice = this.above(context);
    if (!data) return notice;
    const layout = fittedLayout(this.columns, context.width, this.sort.column.id);
    this.layout = layout;
    const visible = Math.max(0, context.height - 2 - notice.length);
    this.top = scrollTop(this.top, this.selected.index, visible, data.length);
    const lines = [...notice, headerLine(layout, this.sort, theme)];
    for (let i = this.top; i < Math.min(data.length, this.top + visible); i++) {
      lines.push(rowLine(layout, data.at(i), CONTEXT, theme, i === this.selected.index, addressText));
    }
    while (lines.length < context.height - 1) lines.push('');
    const total = rowCells(layout, data.total, CONTEXT, (column, row) =>
      column.id === 'address' ? `total of ${row.count} maps` : column.id === 'path' ? `(${this.grouped ? data.length + ' groups' : 'all mappings'})` : column.id === 'change' ? '' : undefined);
    lines.push(theme.bold(escapeTags(total.join(' '))));
    return lines;
  }

  status(context: ViewContext): string {
    const data = this.rows(context.store);
    const count = data ? `${data.length} ${this.grouped ? 'paths' : 'mappings'}` : 'no data yet';
    return `${count} · sort ${this.sort.column.title} ${this.sort.descending ? 'desc' : 'asc'}${this.grouped ? ' · grouped by path (g)' : ''}`;
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const rows = this.rows(context.store) ?? NO_ROWS;
    const target = navigationTarget(action, this.selected.index, Math.max(1, context.height - 4), rows.length);
    if (target !== null) return this.moveTo(target, rows);
    switch (action) {
      case 'sortPrev': return this.sortBy(this.columns[this.step(-1)]);
      case 'sortNext': return this.sortBy(this.columns[this.step(1)]);
      case 'invertSort': this.sort = { ...this.sort, descending: !this.sort.descending }; return { redraw: true };
      case 'group':
        this.grouped = !this.grouped;
        this.selected = { key: null, index: 0 };
        return { redraw: true, message: this.grouped ? 'grouped by path' : 'one row per mapping' };
      case 'mark':
        if (!this.mark.reset(context.store)) return { message: 'no reading to mark yet' };
        return { redraw: true, message: 'mark reset: Δ counts from this reading' };
      case 'escape': return { pop: true };
      default: return onlyInProcesses(action, true) ?? {};
    }
  }

  onMouse(input: MouseInput, context: ViewContext): Reaction {
    const rows = this.rows(context.store) ?? NO_ROWS;
    if (input.kind === 'wheelup') return this.moveTo(this.selected.index - 3, rows);
    if (input.kind === 'wheeldown') return this.moveTo(this.selected.index + 3, rows);
    const headerY = this.above(context).length;
    if (input.y === headerY && this.layout) {
      const index = columnAt(this.layout, input.x);
      if (index < 0) return {};
      const column = this.layout.columns[index];
      if (column.id === this.sort.column.id) return this.onKey('invertSort', context);
      return this.sortBy(column);
    }
    if (input.y > headerY) return this.moveTo(this.top + input.y - headerY - 1, rows);
    return {};
  }

  private moveTo(index: number, rows: ShownRows): Reaction {
    const target = moveSelection(index, 0, rows.length);
    this.selected = { key: target < rows.length ? rowKey(rows.at(target), rows.grouped) : null, index: target };
    return { redraw: true };
  }

  private step(delta: number): number {
    const at = Math.max(0, this.columns.findIndex((c) => c.id === this.sort.column.id));
    return (at + delta + this.columns.length) % this.columns.length;
  }

  private sortBy(column: Column<M>): Reaction {
    this.sort = { column, descending: column.descendingByDefault };
    return { redraw: true };
  }
}
