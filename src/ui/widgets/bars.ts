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

export const FOOTER_KEYS: readonly [string, string][] = [
  ['F1', 'Help'], ['F2', 'Views'], ['F3', 'Search'], ['F4', 'Filter'], ['F6', 'SortBy'], ['F9', 'Kill'], ['F10', 'Quit'],
];

export const VIEW_KEYS: Record<string, readonly [string, string][]> = {
  processes: [['Enter', 'Maps'], ['Spc', 'Pause'], ['K', 'Kthr'], ['c', 'Cols']],
  mappings: [['g', 'Group'], ['Bksp', 'Back'], ['Spc', 'Pause']],
  system: [['Bksp', 'Back'], ['Spc', 'Pause']],
};

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
