/**
 * Programs (ps_mem), Users (smem -u) and Containers (systemd-cgtop, csysdig): one row per group
 * of the processes the Processes view selects (and its live filter matches), its figures summed from the sample (no file is
 * read for them), sorted by PSS. Enter: the Processes view of that group's members alone.
 */
import { columnNeeds, findColumn, type ColumnContext } from '../../model/column.js';
import { withCharges } from '../../model/cgroup-columns.js';
import { cgroupName } from '../../model/cgroup-name.js';
import { defaultGroupColumnIds, groupColumns } from '../../model/group-columns.js';
import { groupProcesses, type GroupBy } from '../../model/group-processes.js';
import type { ProcessAggregate } from '../../model/process-aggregate.js';
import { selectProcesses } from '../../model/process-filter.js';
import { sortRows } from '../../model/sort-rows.js';
import type { Store } from '../../model/store.js';
import type { Action } from '../key-table.js';
import type { Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import type { ProcessesView } from './processes-view.js';
import { RowTable } from './row-table.js';
import { matchesFilter } from './process-rows.js';

type G = ProcessAggregate;

const VIEW = {
  program: { id: 'programs', title: 'Programs' },
  user: { id: 'users', title: 'Users' },
  cgroup: { id: 'containers', title: 'Containers' },
} as const;

const NOTE: Record<GroupBy, string> = {
  program: 'keyed by the command name (stat comm, as ps_mem): the executable\'s path needs ptrace rights on others\' processes',
  user: 'keyed by the effective user',
  cgroup: 'keyed by the memory cgroup; CHARGE is what the kernel charges it, page cache and kernel memory included',
};

export class GroupView extends RowTable<G> implements View {
  readonly id: 'programs' | 'users' | 'containers';
  readonly title: string;
  readonly by: GroupBy;
  private readonly processes: ProcessesView;
  /** The groups of the store version they were built from: a sort only re-sorts them. */
  private built: { version: number; filter: string; selection: object; groups: G[] } | null = null;

  constructor(by: GroupBy, processes: ProcessesView) {
    const all = groupColumns(by);
    super(defaultGroupColumnIds(by).map((id) => findColumn(all, id)!), { column: findColumn(all, 'pss')!, descending: true });
    this.by = by;
    this.id = VIEW[by].id;
    this.title = VIEW[by].title;
    this.processes = processes;
  }

  get needs(): ViewNeeds {
    return { reads: columnNeeds([...this.columns, this.sort.column]), mappingsOf: null };
  }

  protected build(store: Store, context: ColumnContext): G[] {
    const sample = store.latest;
    const lower = this.processes.filterText.toLowerCase();
    const { selection } = this.processes;
    if (this.built?.version !== store.version || this.built.filter !== lower || this.built.selection !== selection) {
      const selected = selectProcesses(sample?.processes ?? [], selection).filter((p) => matchesFilter(p, lower));
      const groups = groupProcesses(selected, this.by, context);
      this.built = { version: store.version, filter: lower, selection, groups: this.by === 'cgroup' ? withCharges(groups, sample?.cgroupCharges) : groups };
    }
    return sortRows(this.built.groups, this.sort, context, (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  protected keyOf(row: G): string {
    return row.key;
  }

  protected note(): string {
    return `${NOTE[this.by]} · RSS sums over-count shared pages; PSS and USS add up · Enter: its processes`;
  }

  status(context: ViewContext): string {
    const { rows } = this.rows(context.store);
    const processes = rows.reduce((sum, g) => sum + g.count, 0);
    return `${rows.length} ${this.title.toLowerCase()} · ${processes} processes · sort ${this.sort.column.title} ${this.sort.descending ? 'desc' : 'asc'}`;
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const moved = this.tableKey(action, context);
    if (moved) return moved;
    if (action !== 'enter') return {};
    const row = this.selectedRow(context.store);
    if (!row) return { message: 'nothing selected' };
    const label = this.by === 'cgroup' ? cgroupName(row.key) : row.key;
    return { push: this.processes.narrowed(`${label} processes`, { group: { by: this.by, key: row.key } }) };
  }
}
