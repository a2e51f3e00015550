/**
 * All key bindings in one table (as htop's Action_setBindings): a key name, as blessed spells
 * it in key.full ("f1", "S-k" for K, "?", "enter"), to an action, with the text the help shows.
 * Enter is bound once: blessed reports "\r" as both "enter" and "return", only "enter" is bound.
 */

export type Action =
  | 'help' | 'views' | 'search' | 'searchNext' | 'filter' | 'sortBy' | 'sortPrev' | 'sortNext'
  | 'invertSort' | 'signal' | 'quit' | 'pause' | 'kernel' | 'columns' | 'group' | 'enter' | 'back'
  | 'escape' | 'follow' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'suspend' | 'trace' | 'history'
  | 'tree' | 'expand' | 'collapse' | 'tag' | 'untagAll' | 'user' | 'niceDown' | 'niceUp' | 'mark';

export interface Binding {
  keys: readonly string[];
  action: Action;
  /** How the help screen names the keys. */
  label: string;
  help: string;
}

export const BINDINGS: readonly Binding[] = [
  { keys: ['f1', '?', 'h'], action: 'help', label: 'F1 ? h', help: 'this help' },
  { keys: ['f2'], action: 'views', label: 'F2', help: 'views: Processes, Mappings, History and Trace of the selected process, Tree, Programs, Users, Containers, Libraries, System' },
  { keys: ['f3', '/'], action: 'search', label: 'F3 /', help: 'search the command lines (F3 again or n: next match)' },
  { keys: ['n'], action: 'searchNext', label: 'n', help: 'next match of the last search' },
  { keys: ['f4', '\\'], action: 'filter', label: 'F4 \\', help: 'live filter: show only matching processes (Esc clears)' },
  { keys: ['f5'], action: 'tree', label: 'F5', help: 'tree: parents and children, with subtree totals (F5 again: the list)' },
  { keys: ['+', '='], action: 'expand', label: '+ -', help: 'Tree: expand / collapse the selected branch' },
  { keys: ['-'], action: 'collapse', label: '', help: '' },
  { keys: ['f6'], action: 'sortBy', label: 'F6', help: 'choose the sort column' },
  { keys: ['<', ','], action: 'sortPrev', label: '< >', help: 'sort by the column to the left / right' },
  { keys: ['>', '.'], action: 'sortNext', label: '', help: '' },
  { keys: ['S-i'], action: 'invertSort', label: 'I', help: 'invert the sort order' },
  { keys: ['c'], action: 'columns', label: 'c', help: 'choose the columns' },
  { keys: ['f9', 'k'], action: 'signal', label: 'F9 k', help: 'send a signal to the selected process, or to the tagged ones (asks first)' },
  { keys: ['space'], action: 'tag', label: 'Space', help: 'tag / untag the selected process (k, F7, F8 then act on the tagged ones)' },
  { keys: ['S-u'], action: 'untagAll', label: 'U', help: 'untag all' },
  { keys: ['u'], action: 'user', label: 'u', help: 'show only one user\'s processes (a list of the users seen)' },
  { keys: ['f7'], action: 'niceDown', label: 'F7 F8', help: 'nice - / nice + (higher / lower priority) of the selected or tagged processes' },
  { keys: ['f8'], action: 'niceUp', label: '', help: '' },
  { keys: ['S-z'], action: 'pause', label: 'Z', help: 'pause / resume updates (Space tags, as in htop)' },
  { keys: ['S-f'], action: 'follow', label: 'F', help: 'follow the selected process / hold the selection on its row' },
  { keys: ['S-k'], action: 'kernel', label: 'K', help: 'show / hide kernel threads' },
  { keys: ['g'], action: 'group', label: 'g', help: 'Mappings: group by path (all mappings of a file as one row); History: per-minute chart; System: next chart' },
  { keys: ['m'], action: 'mark', label: 'm', help: 'Mappings: reset the mark, like a stopwatch: ΔRSS ΔPSS ΔUSS count from the latest reading' },
  { keys: ['s'], action: 'trace', label: 's', help: 'trace the memory syscalls of the selected process (strace; Backspace detaches)' },
  { keys: ['S-h'], action: 'history', label: 'H', help: 'History of the selected process: memory over time, growth, leak fit (g: 6-hour view). htop\'s H (show threads) is not needed: memtop lists processes, never threads, which share their process\'s memory' },
  { keys: ['enter'], action: 'enter', label: 'Enter', help: 'drill down: the Mappings of the selected process' },
  { keys: ['backspace'], action: 'back', label: 'Backspace', help: 'back to the previous view' },
  { keys: ['escape'], action: 'escape', label: 'Esc', help: 'clear the filter, close a dialog' },
  { keys: ['up'], action: 'up', label: 'Up Down', help: 'move the selection' },
  { keys: ['down'], action: 'down', label: '', help: '' },
  { keys: ['pageup'], action: 'pageUp', label: 'PgUp PgDn', help: 'move a page' },
  { keys: ['pagedown'], action: 'pageDown', label: '', help: '' },
  { keys: ['home'], action: 'home', label: 'Home End', help: 'first / last row' },
  { keys: ['end'], action: 'end', label: '', help: '' },
  { keys: ['C-z'], action: 'suspend', label: 'Ctrl-Z', help: 'suspend to the shell (fg resumes)' },
  { keys: ['f10', 'q', 'C-c'], action: 'quit', label: 'F10 q', help: 'quit' },
];

const BY_KEY = new Map<string, Action>(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.action] as const)));

/** The action bound to a key (blessed's key.full), if any. */
export function actionForKey(keyFull: string | undefined): Action | undefined {
  return keyFull === undefined ? undefined : BY_KEY.get(keyFull);
}

/**
 * Keys that come in with a bound key and are not keys of their own: blessed reports Enter as
 * "return" as well as "enter".
 */
const ECHOES = new Set(['return']);

/** True for the second event of one key press ("return" after "enter"): to be ignored. */
export function isEcho(keyFull: string | undefined): boolean {
  return keyFull !== undefined && ECHOES.has(keyFull);
}

/** True for a key the user pressed that no binding names (for "no such key — F1 for help"). */
export function isUnboundKey(keyFull: string | undefined): boolean {
  return keyFull !== undefined && keyFull !== '' && !BY_KEY.has(keyFull) && !ECHOES.has(keyFull);
}

/** The help lines: "label  text" for each binding that has a label. */
export function helpLines(): { label: string; help: string }[] {
  return BINDINGS.filter((b) => b.label !== '').map((b) => ({ label: b.label, help: b.help }));
}
