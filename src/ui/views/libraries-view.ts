/**
 * The Libraries view (smem -m): one row per mapped file across the processes the Processes view
 * selects, summed from every one's smaps. That read is the most expensive memtop makes, so it is
 * made once, when the view opens, in a worker of its own (the service passed in), with its
 * progress shown as rows arrive; choosing the view again reads again. Enter: the processes
 * mapping the selected file.
 */
import { columnNeeds, findColumn, type ColumnContext } from '../../model/column.js';
import { DEFAULT_LIBRARY_COLUMN_IDS, LIBRARY_COLUMNS } from '../../model/library-columns.js';
import { addLibraries, type LibraryRow } from '../../model/library-rows.js';
import { selectProcesses } from '../../model/process-filter.js';
import { sortRows } from '../../model/sort-rows.js';
import type { Store } from '../../model/store.js';
import type { FromLibrariesWorker } from '../../sampler/worker/libraries-protocol.js';
import type { LibrariesRead } from '../../sampler/worker/libraries-host.js';
import type { Action } from '../key-table.js';
import type { Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { matchesFilter } from './process-rows.js';
import type { ProcessesView } from './processes-view.js';
import { RowTable } from './row-table.js';

/** Starts reading these PIDs' smaps; messages arrive on the UI thread. */
export type StartLibraries = (pids: number[], onMessage: (message: FromLibrariesWorker) => void) => LibrariesRead;

export class LibrariesView extends RowTable<LibraryRow> implements View {
  readonly id = 'libraries';
  readonly title = 'Libraries';
  private readonly table = new Map<string, LibraryRow>();
  private progress = { done: 0, total: 0 };
  private outcome: string | null = null;
  private readonly read: LibrariesRead;
  private readonly processes: ProcessesView;

  constructor(start: StartLibraries, processes: ProcessesView, store: Store, onChange: () => void) {
    const column = findColumn(LIBRARY_COLUMNS, 'pss')!;
    super(DEFAULT_LIBRARY_COLUMN_IDS.map((id) => findColumn(LIBRARY_COLUMNS, id)!), { column, descending: true });
    this.processes = processes;
    const lower = processes.filterText.toLowerCase();
    const pids = selectProcesses(store.latest?.processes ?? [], processes.selection)
      .filter((p) => !p.kernelThread && matchesFilter(p, lower)).map((p) => p.pid);
    this.progress.total = pids.length;
    this.read = start(pids, (message) => {
      this.receive(message);
      this.changed();
      onChange();
    });
  }

  private receive(message: FromLibrariesWorker): void {
    if (message.type === 'batch') {
      for (const p of message.processes) addLibraries(this.table, p.member, p.mappings);
      this.progress = { done: message.done, total: message.total };
    } else if (message.type === 'done') {
      this.progress.done = this.progress.total;
      const refused = message.denied > 0 ? `, ${message.denied} refused (not their owner)` : '';
      this.outcome = `read the smaps of ${message.read} processes in ${(message.costMs / 1000).toFixed(1)} s${refused}`;
    } else {
      this.outcome = `the read failed: ${message.message}`;
    }
  }

  get needs(): ViewNeeds {
    // Its own read is not a tick's: the sampler reads what the table shows.
    return { reads: columnNeeds([]), mappingsOf: null };
  }

  protected build(_store: Store, context: ColumnContext): LibraryRow[] {
    return sortRows([...this.table.values()], this.sort, context, (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  protected keyOf(row: LibraryRow): string {
    return row.path;
  }

  protected note(): string {
    const state = this.outcome ?? `reading smaps: ${this.progress.done} of ${this.progress.total} processes…`;
    return `${state} · RSS over-counts shared pages, PSS adds up · F2 Libraries reads again · Enter: processes mapping it`;
  }

  status(context: ViewContext): string {
    const { rows } = this.rows(context.store);
    const reading = this.outcome === null ? ` · reading ${this.progress.done}/${this.progress.total}` : '';
    return `${rows.length} files${reading} · sort ${this.sort.column.title} ${this.sort.descending ? 'desc' : 'asc'}`;
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const moved = this.tableKey(action, context);
    if (moved) return moved;
    if (action !== 'enter') return {};
    const row = this.selectedRow(context.store);
    if (!row) return { message: 'no file selected' };
    return { push: this.processes.narrowed(`${row.path} mappers`, { members: new Set(row.members) }) };
  }

  close(): void {
    this.read.cancel();
  }
}
