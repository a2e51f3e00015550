/**
 * What a replay refuses: everything that reads or acts on a live process. A recorded PID may
 * name another process now (or none), so a replay never signals, renices, traces nor reads the
 * smaps of one. Checked on the key's action and again on the reaction (a view picked in F2).
 */
import type { Action } from '../key-table.js';
import type { Reaction, View } from '../view.js';

const ACTIONS: Partial<Record<Action, string>> = {
  signal: 'signals (F9 k)',
  niceDown: 'nice (F7 F8)',
  niceUp: 'nice (F7 F8)',
  trace: 'Trace (s)',
};

const VIEWS: Partial<Record<View['id'], string>> = {
  mappings: 'Mappings',
  libraries: 'Libraries',
  trace: 'Trace',
};

/** The live-only views, for the F2 picker. */
export const LIVE_ONLY_VIEWS: ReadonlySet<View['id']> = new Set(Object.keys(VIEWS) as View['id'][]);

function refusal(what: string): string {
  return `${what}: live-only, not in a replay (a recorded PID may be another process now)`;
}

/** The status line for a key a replay refuses, or null. */
export function refusedAction(action: Action | undefined): string | null {
  const what = action === undefined ? undefined : ACTIONS[action];
  return what === undefined ? null : refusal(what);
}

/** The status line for a reaction that would touch a live process, or null. */
export function refusedReaction(reaction: Reaction): string | null {
  if (reaction.signal || reaction.signals) return refusal('signals (F9 k)');
  if (reaction.renice) return refusal('nice (F7 F8)');
  if (reaction.trace) return refusal('Trace (s)');
  for (const view of [reaction.push, reaction.replace]) {
    const what = view === undefined ? undefined : VIEWS[view.id];
    if (what !== undefined) return refusal(what);
  }
  return null;
}
