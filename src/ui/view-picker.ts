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

export interface ViewFactory {
  id: View['id'];
  make(): View;
  /** What choosing it does, when not replacing the top view by make()'s (Trace starts a trace first). */
  choose?(): Reaction;
}

export function viewChoices(processes: ProcessesView, store: Store): Choice<ViewFactory>[] {
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
    { label: 'System        meminfo, free, vmstat, pressure', value: { id: 'system', make: () => new SystemView() } },
  ];
}
