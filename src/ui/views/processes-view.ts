/**
 * The Processes view: one row per process from the one column table, windowed (only visible
 * rows are drawn), a totals line. The selection holds the top row until the user moves it; then it
 * follows that process (pid + start time); F toggles following. Search, the live
 * filter, the sort column, the column picker and the signal dialog are opened from here.
 */
import { PROCESS_COLUMNS } from '../../model/process-columns.js';
import { navigationTarget } from '../navigation.js';
import { columnNeeds, type Column } from '../../model/column.js';
import type { ProcessSelection } from '../../model/process-filter.js';
import type { SortSpec } from '../../model/sort-rows.js';
import type { Store } from '../../model/store.js';
import type { ProcessSample } from '../../sampler/sample.js';
import type { Action } from '../key-table.js';
import type { MouseInput, Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { followSelection, type Selection } from '../selection.js';
import { moveSelection, scrollTop } from '../table-window.js';
import { columnAt, headerLine, layoutTable, rowLine, type TableLayout } from '../widgets/table-text.js';
import { escapeTags } from '../safe-text.js';
import { fit } from '../text-cell.js';
import { processKey, processRows, type ProcessRows } from './process-rows.js';
import { totalCells } from './process-totals.js';
import { PARTIAL_MARK } from '../../model/format-cell.js';
import { columnsForWidth } from './narrow-columns.js';
import { processName, signalPicker, signalPickerFor } from './signal-flow.js';
import { ProcessTags } from './process-tags.js';
import { userPicker } from './user-picker.js';
import { ColumnPicker } from '../widgets/column-picker.js';
import { ListOverlay } from '../widgets/list-overlay.js';
import { ProcessSearch } from './process-search.js';
import { MappingsView } from './mappings-view.js';
import { selectedTrend } from './uss-sparkline.js';
import { TreeView } from './tree-view.js';

type P = ProcessSample;



export interface ProcessesSettings {
  columns: Column<P>[];
  sort: SortSpec<P>;
  selection: ProcessSelection;
  filterText: string;
  /** The breadcrumb segment, when not "Processes" (a group drilled into: "firefox processes"). */
  title?: string;
}

export class ProcessesView implements View {
  readonly id = 'processes';
  readonly title: string;
  columns: Column<P>[];
  sort: SortSpec<P>;
  selection: ProcessSelection;
  filterText: string;
  readonly search = new ProcessSearch();
  readonly tags = new ProcessTags();
  private selected: Selection<string> = { key: null, index: 0, follow: false };
  private top = 0;
  private cache: { version: number; settings: number; value: ProcessRows } | null = null;
  private settingsVersion = 0;
  private layout: TableLayout<P> | null = null;

  constructor(settings: ProcessesSettings) {
    this.columns = settings.columns;
    this.sort = settings.sort;
    this.selection = settings.selection;
    this.filterText = settings.filterText;
    this.title = settings.title ?? 'Processes';
  }

  get needs(): ViewNeeds {
    // The sort column counts too: --sort may name one that is not shown.
    return { reads: columnNeeds([...this.columns, this.sort.column]), mappingsOf: null };
  }

  private needsDetail(): boolean {
    return this.needs.reads.has('rollup');
  }

  /** The rows shown now (cached per sample and settings). */
  rows(store: Store): ProcessRows {
    if (!this.cache || this.cache.version !== store.version || this.cache.settings !== this.settingsVersion) {
      const value = processRows(store, { selection: this.selection, filterText: this.filterText, sort: this.sort });
      this.cache = { version: store.version, settings: this.settingsVersion, value };
      this.selected = followSelection(value.rows, processKey, (a, b) => a === b, this.selected);
    }
    return this.cache.value;
  }

  selectedProcess(store: Store): P | undefined {
    return this.rows(store).rows[this.selected.index];
  }

  /** Something that changes the rows (sort, filter, columns, K). */
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
      const selected = i === this.selected.index;
      // A tagged row is drawn in one colour: its figures are not coloured by unit.
      const tagged = !selected && this.tags.size > 0 && this.tags.has(rows[i]);
      const line = rowLine(layout, rows[i], values, tagged ? { ...context.theme, bytes: (text) => text } : context.theme, selected);
      lines.push(tagged ? context.theme.tagged(line) : line);
    }
    if (context.store.latest === null) return [...lines, ' reading /proc…'];
    while (lines.length < context.height - 1) lines.push('');
    lines.push(this.totalsLine(layout, rows, context));
    return lines;
  }

  private totalsLine(layout: TableLayout<P>, rows: P[], context: ViewContext): string {
    const sums = totalCells(layout.columns, rows, this.rows(context.store).context);
    const partial = sums.some((sum) => sum.endsWith(PARTIAL_MARK));
    const cells = layout.columns.map((column, i) => {
      const text = column.width === 0 ? `total of ${rows.length} shown${partial ? ` (${PARTIAL_MARK}: some values unknown)` : ''}` : sums[i];
      return fit(text, layout.widths[i], column.width === 0 ? 'left' : column.align);
    });
    return context.theme.bold(escapeTags(cells.join(' ')));
  }

  status(context: ViewContext): string {
    const { rows, total } = this.rows(context.store);
    const parts = [`${rows.length} of ${total} processes`, `sort ${this.sort.column.title} ${this.sort.descending ? 'desc' : 'asc'}`];
    const selected = rows[this.selected.index];
    const trend = selected ? selectedTrend(context.store.processHistory, selected) : '';
    if (trend !== '') parts.splice(1, 0, `${selected.pid} ${trend}`);
    if (this.filterText !== '') parts.push(`filter "${this.filterText}"`);
    const { hidden } = columnsForWidth(this.columns, context.width, this.sort.column.id);
    if (hidden.length > 0) parts.push(`narrow: ${hidden.map((c) => c.title).join(' ')} hidden`);
    if (this.selection.kernel) parts.push('kernel threads shown');
    if (this.selection.user !== undefined) parts.push(`user ${this.selection.user} (u)`);
    if (this.tags.size > 0) parts.push(`${this.tags.size} tagged (U untags)`);
    parts.push(this.followStatus(rows));
    return parts.join(' · ');
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const { rows } = this.rows(context.store);
    const target = navigationTarget(action, this.selected.index, Math.max(1, context.height - 3), rows.length);
    if (target !== null) return this.moveTo(target, rows);
    switch (action) {
      case 'sortPrev': return this.sortBy(this.columns[this.stepSort(-1)]);
      case 'sortNext': return this.sortBy(this.columns[this.stepSort(1)]);
      case 'follow': {
        const follow = !this.selected.follow;
        this.selected = { ...this.selected, follow };
        return { redraw: true, message: this.followStatus(rows) };
      }
      case 'invertSort': this.sort = { ...this.sort, descending: !this.sort.descending }; this.changed(); return { redraw: true };
      case 'sortBy': return { overlay: this.sortPicker() };
      case 'kernel':
        this.selection = { ...this.selection, kernel: !this.selection.kernel };
        this.changed();
        return { redraw: true, message: this.selection.kernel ? 'kernel threads shown' : 'kernel threads hidden' };
      case 'filter': return { overlay: this.filterPrompt() };
      case 'escape':
        if (this.filterText === '') return {};
        this.filterText = '';
        this.changed();
        return { redraw: true, message: 'filter cleared' };
      case 'search': return { overlay: this.search.prompt(this, context.store) };
      case 'searchNext': return this.search.next(this, context.store);
      case 'columns': return { overlay: new ColumnPicker(PROCESS_COLUMNS, this.columns, (columns) => this.setColumns(columns)) };
      case 'enter': return this.drillDown(context.store);
      case 'tree': return { push: new TreeView(this) };
      case 'signal': {
        const now = context.store.latest?.timeMs ?? Date.now();
        if (this.tags.size > 0) return { overlay: signalPickerFor(this.tags.list(context.store.latest?.processes ?? []), now) };
        const p = rows[this.selected.index];
        if (!p) return { message: 'no process selected' };
        return { overlay: signalPicker(p, now) };
      }
      case 'tag': {
        const p = rows[this.selected.index];
        if (!p) return { message: 'no process selected' };
        this.tags.toggle(p);
        // As htop: the selection moves on, so Space Space Space tags three rows.
        return { ...this.moveTo(this.selected.index + 1, rows), message: `${this.tags.size} tagged: k, F7, F8 act on them (U untags all)` };
      }
      case 'untagAll': {
        const count = this.tags.clear();
        return { redraw: true, message: count === 0 ? 'nothing was tagged' : `${count} untagged` };
      }
      case 'niceDown': case 'niceUp': {
        const targets = this.tags.size > 0 ? this.tags.list(context.store.latest?.processes ?? []) : rows.slice(this.selected.index, this.selected.index + 1);
        if (targets.length === 0) return { message: 'no process selected' };
        const delta = action === 'niceDown' ? -1 : 1;
        return { renice: targets.map((p) => ({ target: { pid: p.pid, startTimeTicks: p.startTimeTicks }, name: processName(p), delta })), resample: true };
      }
      case 'user': return { overlay: userPicker(context.store.latest?.processes ?? [], this.selection.user, (user) => this.setUser(user)) };
      default: return {};
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
      if (column.id === this.sort.column.id) return this.onKey('invertSort', context);
      return this.sortBy(column);
    }
    const row = this.top + input.y - 1;
    if (input.y >= 1 && row < rows.length && input.y < context.height - 1) return this.moveTo(row, rows);
    return {};
  }

  /** Selects row `index` (clamped); used by search and the mouse too. */
  moveTo(index: number, rows: readonly P[]): Reaction {
    const target = moveSelection(index, 0, rows.length);
    this.selected = { key: rows[target] ? processKey(rows[target]) : null, index: target, follow: true };
    return { redraw: true };
  }

  /** Which way the selection moves on an update: with its process, or not (F). */
  private followStatus(rows: readonly P[]): string {
    const p = rows[this.selected.index];
    return this.selected.follow ? `following ${p ? p.pid : 'the selection'} (F)` : `holding row ${this.selected.index + 1} (F follows)`;
  }

  get selectedIndex(): number {
    return this.selected.index;
  }

  private stepSort(delta: number): number {
    const at = this.columns.findIndex((c) => c.id === this.sort.column.id);
    const from = at < 0 ? 0 : at;
    return (from + delta + this.columns.length) % this.columns.length;
  }

  sortBy(column: Column<P>): Reaction {
    this.sort = { column, descending: column.descendingByDefault };
    this.changed();
    return { redraw: true };
  }

  private sortPicker(): ListOverlay<Column<P>> {
    const at = this.columns.findIndex((c) => c.id === this.sort.column.id);
    return new ListOverlay('Sort by', this.columns.map((c) => ({ label: `${c.title.padEnd(8)} ${c.description}`, value: c })),
      (column) => this.sortBy(column), at);
  }

  private filterPrompt() {
    const before = this.filterText;
    return this.search.filterPrompt(before, (text) => {
      this.filterText = text;
      this.changed();
      return { redraw: true };
    });
  }

  private setUser(user: string | undefined): Reaction {
    this.selection = { ...this.selection, user };
    this.changed();
    return { redraw: true, message: user === undefined ? 'all users shown' : `only ${user}'s processes (u changes)` };
  }

  private setColumns(columns: Column<P>[]): Reaction {
    const hadDetail = this.needsDetail();
    this.columns = columns;
    if (!columns.some((c) => c.id === this.sort.column.id)) this.sort = { column: columns[0], descending: columns[0].descendingByDefault };
    this.changed();
    return { redraw: true, resample: this.needsDetail() && !hadDetail };
  }

  /** A Processes view of some of these processes only (a group or file drilled into), same columns and sort. */
  narrowed(title: string, only: Pick<ProcessSelection, 'group' | 'members'>): ProcessesView {
    return new ProcessesView({ columns: this.columns, sort: this.sort, filterText: this.filterText, title, selection: { ...this.selection, ...only } });
  }

  private drillDown(store: Store): Reaction {
    const p = this.selectedProcess(store);
    if (!p) return { message: 'no process selected' };
    if (p.kernelThread) return { message: `${processName(p)} is a kernel thread: it has no memory mappings` };
    return { push: new MappingsView({ pid: p.pid, startTimeTicks: p.startTimeTicks }, p.comm) };
  }
}
