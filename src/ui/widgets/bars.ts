/**
 * The two one-line bars: the breadcrumb ("Processes › firefox (1234) › Mappings", always shown,
 * with the view's state on the right) and the htop-style footer of function keys (or a message).
 */
import type { Theme } from '../theme.js';
import { safeText } from '../safe-text.js';
import { clip } from '../text-cell.js';

/** `titles`: plain text of each view on the stack, bottom first. */
export function breadcrumbLine(titles: readonly string[], status: string, width: number, theme: Theme): string {
  const crumb = ` ${titles.join(' › ')} `;
  const right = status === '' ? '' : ` ${status} `;
  const room = Math.max(0, width - crumb.length);
  const shownRight = right.length <= room ? right.padStart(room) : clip(right, room);
  return theme.bar(`${theme.bold(safeText(clip(crumb, width)))}${safeText(shownRight)}`);
}

/**
 * The keys the footer offers, per view: only those that do something there (F3, F4, F6, F9, c
 * and K act on processes; the Mappings view sorts with < >, groups with g and resets its mark with m). Backspace is left
 * out when there is nothing to go back to.
 */
export const FOOTER_KEYS: Record<string, readonly [string, string][]> = {
  processes: [['F1', 'Help'], ['F2', 'Views'], ['F3', 'Search'], ['F4', 'Filter'], ['F6', 'SortBy'], ['F9', 'Kill'], ['F10', 'Quit'],
    ['Enter', 'Maps'], ['H', 'Hist'], ['Spc', 'Tag'], ['Z', 'Pause'], ['K', 'Kthr'], ['c', 'Cols']],
  mappings: [['F1', 'Help'], ['F2', 'Views'], ['<>', 'Sort'], ['g', 'Group'], ['m', 'Mark'], ['Bksp', 'Back'], ['Z', 'Pause'], ['F10', 'Quit']],
  history: [['F1', 'Help'], ['F2', 'Views'], ['g', '6h/10m'], ['Bksp', 'Back'], ['Z', 'Pause'], ['F10', 'Quit']],
  system: [['F1', 'Help'], ['F2', 'Views'], ['g', 'Chart'], ['Bksp', 'Back'], ['Z', 'Pause'], ['F10', 'Quit']],
  tree: [['F1', 'Help'], ['F2', 'Views'], ['F5', 'List'], ['+-', 'Fold'], ['<>', 'Sort'], ['Enter', 'Maps'], ['Bksp', 'Back'], ['F10', 'Quit']],
  programs: [['F1', 'Help'], ['F2', 'Views'], ['<>', 'Sort'], ['Enter', 'Procs'], ['Bksp', 'Back'], ['F10', 'Quit']],
  users: [['F1', 'Help'], ['F2', 'Views'], ['<>', 'Sort'], ['Enter', 'Procs'], ['Bksp', 'Back'], ['F10', 'Quit']],
  libraries: [['F1', 'Help'], ['F2', 'Views'], ['<>', 'Sort'], ['Enter', 'Procs'], ['Bksp', 'Back'], ['F10', 'Quit']],
  containers: [['F1', 'Help'], ['F2', 'Views'], ['<>', 'Sort'], ['Enter', 'Procs'], ['Bksp', 'Back'], ['F10', 'Quit']],
  trace: [['F1', 'Help'], ['F2', 'Views'], ['Bksp', 'Detach'], ['F10', 'Quit'], ['', ' tracing slows the target']],
};

export function footerKeys(viewId: string, canGoBack: boolean): readonly [string, string][] {
  const keys = FOOTER_KEYS[viewId] ?? FOOTER_KEYS.processes;
  return canGoBack ? keys : keys.filter(([key]) => key !== 'Bksp');
}

export function footerLine(keys: readonly [string, string][], width: number, theme: Theme, message: string | null): string {
  if (message !== null) return theme.fg('yellow', theme.bold(safeText(clip(` ${message}`, width))));
  let used = 0;
  let out = '';
  for (const [key, text] of keys) {
    const cell = text.padEnd(6);
    if (used + key.length + cell.length > width) break;
    out += safeText(key) + theme.bar(safeText(cell));
    used += key.length + cell.length;
  }
  return out;
}
