/** The help screen (F1, ?): every key from the key table, and what each view shows. */
import type { Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { helpLines } from '../key-table.js';
import { fit } from '../text-cell.js';
import { escapeTags } from '../safe-text.js';

const VIEWS = [
  ['Processes', 'one row per process: VSS RSS SHR PSS USS SWAP CPU% MEM%; totals of what is shown'],
  ['Mappings', 'Enter on a process: its mappings like pmap -x, live from /proc/PID/smaps (g groups by path)'],
  ['System', '/proc/meminfo with meanings, a free-style summary, vmstat rates, memory pressure'],
];

const UNITS = 'Sizes: B K M G T (powers of 1024), coloured by unit; "-" is unknown (not readable), never 0.';

export class HelpOverlay implements Overlay {
  readonly placement = 'box';
  readonly title = 'memtop help — any key closes';
  private top = 0;

  size(screenWidth: number, screenHeight: number): { width: number; height: number } {
    return { width: Math.min(screenWidth - 4, 100), height: Math.min(screenHeight - 2, this.lines().length + 2) };
  }

  private lines(): { key: string; text: string }[] {
    return [
      ...helpLines().map((l) => ({ key: l.label, text: l.help })),
      { key: '', text: '' },
      ...VIEWS.map(([key, text]) => ({ key, text })),
      { key: '', text: '' },
      { key: '', text: UNITS },
      { key: 'mouse', text: 'click a row to select it, a column title to sort by it (again: invert); the wheel scrolls' },
    ];
  }

  render(width: number, height: number, theme: Theme): string[] {
    const all = this.lines();
    this.top = Math.max(0, Math.min(this.top, all.length - height));
    return all.slice(this.top, this.top + height).map(({ key, text }) =>
      theme.fg('cyan', escapeTags(fit(` ${key}`, 12))) + escapeTags(fit(text, width - 12)));
  }

  onKey(_ch: string | undefined, key: string | undefined): Reaction {
    if (key === 'down' || key === 'pagedown') {
      this.top += key === 'down' ? 1 : 10;
      return { redraw: true };
    }
    if (key === 'up' || key === 'pageup') {
      this.top = Math.max(0, this.top - (key === 'up' ? 1 : 10));
      return { redraw: true };
    }
    return { closeOverlay: true };
  }
}
