/** The help screen (F1, ?): every key from the key table, and what each view shows. */
import { wrapAtSpaces } from '../text-wrap.js';
import type { Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { helpLines } from '../key-table.js';
import { fit } from '../text-cell.js';
import { escapeTags } from '../safe-text.js';

const VIEWS = [
  ['Processes', 'one row per process: VSS RSS SHR PSS USS SWAP CPU% MEM%; totals of what is shown'],
  ['Mappings', 'Enter on a process: its mappings like pmap -x, live from /proc/PID/smaps (g groups by path); ΔRSS ΔPSS ΔUSS since the mark (the first reading; m resets it), new and gone mappings marked'],
  ['System', '/proc/meminfo with meanings, a free-style summary, vmstat rates, memory pressure'],
];

const UNITS = 'Sizes: B K M G T (powers of 1024), coloured by unit; "-" is unknown (not readable), never 0.';

/** The cells of the key column. */
const KEY_CELLS = 12;

export class HelpOverlay implements Overlay {
  readonly placement = 'box';
  readonly title = 'memtop help — any key closes';
  private top = 0;
  /** Keys of a mode (replay), listed after the key table's. */
  private readonly extra: readonly { label: string; help: string }[];

  constructor(extra: readonly { label: string; help: string }[] = []) {
    this.extra = extra;
  }

  size(screenWidth: number, screenHeight: number): { width: number; height: number } {
    // As wide as the longest line needs (borders included), within the screen.
    const widest = Math.max(...this.lines().map((l) => KEY_CELLS + l.text.length)) + 2;
    const width = Math.max(20, Math.min(screenWidth - 4, widest));
    return { width, height: Math.min(screenHeight - 2, this.rows(width - 2).length + 2) };
  }

  private lines(): { key: string; text: string }[] {
    return [
      ...helpLines().map((l) => ({ key: l.label, text: l.help })),
      ...(this.extra.length > 0 ? [{ key: '', text: '' }] : []),
      ...this.extra.map((l) => ({ key: l.label, text: l.help })),
      { key: '', text: '' },
      ...VIEWS.map(([key, text]) => ({ key, text })),
      { key: '', text: '' },
      { key: '', text: UNITS },
      { key: 'mouse', text: 'click a row to select it, a column title to sort by it (again: invert); the wheel scrolls' },
    ];
  }

  /** The lines wrapped at spaces to `width` cells (a long word is cut), continuations keyless. */
  private rows(width: number): { key: string; text: string }[] {
    const room = Math.max(8, width - KEY_CELLS);
    const rows: { key: string; text: string }[] = [];
    for (const { key, text } of this.lines()) {
      wrapAtSpaces(text, room).forEach((line, i) => rows.push({ key: i === 0 ? key : '', text: line }));
    }
    return rows;
  }

  render(width: number, height: number, theme: Theme): string[] {
    const all = this.rows(width);
    this.top = Math.max(0, Math.min(this.top, all.length - height));
    return all.slice(this.top, this.top + height).map(({ key, text }) =>
      theme.fg('cyan', escapeTags(fit(` ${key}`, KEY_CELLS))) + escapeTags(fit(text, width - KEY_CELLS)));
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
