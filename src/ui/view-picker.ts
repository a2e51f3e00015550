/**
 * The views F2 offers now: Processes, Mappings of the selected process (when there is one that
 * has memory), History and Trace of the selected process, System. Later views join this list.
 */
import type { Store } from '../model/store.js';
import type { Choice } from './widgets/list-overlay.js';
import type { Reaction, View } from './view.js';
import type { ProcessesView } from './views/processes-view.js';
import { MappingsView } from './views/mappings-view.js';
import { SystemView } from './views/system-view.js';
import { HistoryView } from './views/history-view.js';
import { processName } from './views/signal-flow.js';
import { TreeView } from './views/tree-view.js';
import { GroupView } from './views/group-view.js';
import { LibrariesView, type StartLibraries } from './views/libraries-view.js';
import { LIVE_ONLY_VIEWS } from './replay/live-only.js';

export interface ViewFactory {
  id: View['id'];
  make(): View;
  /** What choosing it does, when not replacing the top view by make()'s (Trace starts a trace first). */
  choose?(): Reaction;
}

/** What the Libraries view needs from the app: the read service (absent: not offered) and a redraw. */
export interface LibrariesChoice {
  start?: StartLibraries;
  onChange(): void;
}

/** `replay`: the views that read a live process are shown as live-only, and cannot be picked. */
export function viewChoices(processes: ProcessesView, store: Store, libraries?: LibrariesChoice, replay = false): Choice<ViewFactory>[] {
  const choices = liveChoices(processes, store, libraries);
  if (!replay) return choices;
  return choices.map((c) => (LIVE_ONLY_VIEWS.has(c.value.id) ? { ...c, label: `${c.label.slice(0, 14)}(live only: not in a replay)`, disabled: true } : c));
}

function liveChoices(processes: ProcessesView, store: Store, libraries?: LibrariesChoice): Choice<ViewFactory>[] {
  const start = libraries?.start;
  const selected = processes.selectedProcess(store);
  const mappable = selected !== undefined && !selected.kernelThread;
  return [
    { label: 'Processes     one row per process', value: { id: 'processes', make: () => processes } },
    {
      label: mappable ? `Mappings      of ${processName(selected)}` : 'Mappings      (select a process first)',
      value: { id: 'mappings', make: () => new MappingsView({ pid: selected!.pid, startTimeTicks: selected!.startTimeTicks }, selected!.comm) },
      disabled: !mappable,
    },
    {
      label: mappable ? `History       memory over time of ${processName(selected)}` : 'History       (select a process first)',
      value: { id: 'history', make: () => new HistoryView({ pid: selected!.pid, startTimeTicks: selected!.startTimeTicks }, selected!.comm) },
      disabled: !mappable,
    },
    {
      label: mappable ? `Trace         memory syscalls of ${processName(selected)} (strace)` : 'Trace         (select a process first)',
      value: { id: 'trace', make: () => processes, choose: () => ({ trace: { pid: selected!.pid, comm: selected!.comm } }) },
      disabled: !mappable,
    },
    { label: 'Tree          parents and children, subtree totals (F5)', value: { id: 'tree', make: () => new TreeView(processes) } },
    { label: 'Programs      one row per program, like ps_mem', value: { id: 'programs', make: () => new GroupView('program', processes) } },
    { label: 'Users         one row per user, like smem -u', value: { id: 'users', make: () => new GroupView('user', processes) } },
    { label: 'Containers    one row per cgroup, with its charge and limit', value: { id: 'containers', make: () => new GroupView('cgroup', processes) } },
    {
      label: start ? 'Libraries     every mapped file across processes, like smem -m (reads every smaps)' : 'Libraries     (not available here)',
      value: { id: 'libraries', make: () => new LibrariesView(start!, processes, store, libraries!.onChange) },
      disabled: !start,
    },
    { label: 'System        meminfo, free, vmstat, pressure', value: { id: 'system', make: () => new SystemView() } },
  ];
}
