/**
 * What a snapshot table says about unknown values: the totals row (null-aware), the "+" marks on
 * partial sums, and the notes that explain "-" (a refused file) and "+" (a sum that leaves out
 * unknown values).
 */
import type { ProcessSample } from '../sampler/sample.js';
import { isAggregatedId, isPartial, type ProcessAggregate } from '../model/process-aggregate.js';
import { AGGREGATED_PROCESS_COLUMNS } from '../model/process-columns.js';
import type { CellValue, TotalsRow } from './column-report.js';
import type { HiddenProcesses } from '../model/hidden-processes.js';

export function partialInGroup(row: ProcessAggregate, columnId: string): boolean {
  return isAggregatedId(columnId) && isPartial(row, columnId);
}

/**
 * The totals row over processes or groups: the aggregating columns' figures, the process count in
 * "count" (grouped) or, ungrouped, in the command column (else comm, when the command is not
 * shown), the label in the first blank column.
 */
export function aggregateTotals(total: ProcessAggregate, of: 'processes' | 'groups',
  shownColumnIds: readonly string[] = ['command']): TotalsRow {
  const countColumn = shownColumnIds.includes('command') ? 'command' : 'comm';
  return {
    label: 'total',
    value(columnId: string): CellValue | undefined {
      if (isAggregatedId(columnId)) return total.sums[columnId];
      if (columnId === 'count' && of === 'groups') return total.count;
      if (columnId === countColumn && of === 'processes') return `(${total.count} ${total.count === 1 ? 'process' : 'processes'})`;
      return undefined;
    },
    partial: (columnId: string) => partialInGroup(total, columnId),
  };
}

/** "smaps_rollup refused for 3 of 40 processes ...": why some cells show "-". */
export function deniedNote(rows: readonly ProcessSample[]): string | null {
  const files = new Set<string>();
  let count = 0;
  for (const p of rows) {
    if (p.denied.length === 0) continue;
    count++;
    for (const file of p.denied) files.add(file);
  }
  if (count === 0) return null;
  return `${[...files].join(' and ')} refused for ${count} of ${rows.length} processes `
    + '(the kernel lets only their owner or root read it, not the owner either when a process is not dumpable, as setuid programs are, and in a sandbox or a container may refuse root too): '
    + 'their PSS, USS and SwapPss are unknown, shown as -';
}

/**
 * Why some sums end in "+" (the human table), or where CSV names them: in its `partial` column
 * (grouped rows) or in the totals label.
 */
export function partialNote(aggregates: readonly ProcessAggregate[], csv?: 'partial column' | 'totals label', shownColumnIds?: readonly string[]): string | null {
  // Only the figures shown, by their column ids: a partial SwapPss is no news in a table without
  // that column.
  const partialColumn = (id: string) => isAggregatedId(id) && aggregates.some((a) => isPartial(a, id));
  const named = (shownColumnIds ?? AGGREGATED_PROCESS_COLUMNS.map((c) => c.id)).filter(partialColumn);
  if (named.length === 0) return null;
  const which = csv === undefined ? 'a sum followed by +' : `a sum named in the ${csv}`;
  return `${which} leaves out processes whose value is unknown (${named.join(', ')}): it is a lower bound`;
}

/** "1234 (stat vsize), 99 (status)": at most `max` named, then how many more. */
function listed(items: string[], max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Figures the kernel printed that cannot be true, or files read whole that did not parse: which PIDs, which files. */
export function invalidNote(rows: readonly ProcessSample[]): string | null {
  const named = rows.filter((p) => p.invalid !== undefined && p.invalid.length > 0).map((p) => `${p.pid} (${p.invalid!.join(', ')})`);
  if (named.length === 0) return null;
  return `impossible or garbled values, shown as - (unknown), not as figures: process ${listed(named)}`;
}

/**
 * Processes the report leaves out for a reason other than an exit: stat refused (hidepid), or
 * garbled; and under hidepid=invisible, the tasks loadavg counts that the listing does not show.
 */
export function hiddenNotes(hidden: HiddenProcesses): string[] {
  const notes: string[] = [];
  const refused = hidden.refusedPids;
  if (refused.length > 0) {
    notes.push(`${refused.length} ${refused.length === 1 ? 'process is' : 'processes are'} hidden from you: listed, but their stat is refused`
      + `${hidden.hidepid === null ? '' : ` (/proc is mounted hidepid=${hidden.hidepid})`}; they are not in the report (PIDs ${listed(refused.map(String), 20)})`);
  }
  if (hidden.hidepid === 'invisible' && hidden.hiddenTasks !== null && hidden.hiddenTasks > 0) {
    notes.push(`/proc is mounted hidepid=invisible: other users' processes are not listed; loadavg counts ${hidden.hiddenTasks} more tasks `
      + '(threads, kernel threads included, in every PID namespace) than the processes shown have: they are hidden from you');
  }
  if (hidden.garbledPids.length > 0) {
    notes.push(`stat of process ${listed(hidden.garbledPids.map(String))} is not a whole stat line (cut short or corrupt): left out of the report`);
  }
  return notes;
}
