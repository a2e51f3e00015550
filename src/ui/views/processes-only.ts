/**
 * Keys that act on processes (search, filter, the sort picker, columns, signals, kernel threads)
 * pressed in another view: said, instead of nothing happening.
 */
import type { Action } from '../key-table.js';
import type { Reaction } from '../view.js';

const PROCESSES_ONLY: Partial<Record<Action, string>> = {
  search: 'F3 searches', searchNext: 'n finds the next match', filter: 'F4 filters', sortBy: 'F6 sorts',
  columns: 'c chooses the columns', signal: 'F9 sends a signal', kernel: 'K shows kernel threads',
};

/** A message for a Processes-only key, or null for any other action. */
export function onlyInProcesses(action: Action, sortKeys = false): Reaction | null {
  const what = PROCESSES_ONLY[action];
  if (what === undefined) return null;
  const hint = sortKeys && action === 'sortBy' ? ' (here, < and > choose the sort column)' : '';
  return { message: `${what} in the Processes view (F2 or Backspace)${hint}` };
}
