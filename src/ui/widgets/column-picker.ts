/**
 * The column picker: every column of the one column table with its description; Space toggles,
 * [ and ] (or F7 and F8, as htop's setup) move the selected column up and down, Enter applies,
 * Esc cancels. The list starts with the shown columns in their order, then the others in the
 * table's order; shown columns appear on screen in the list's order.
 */
import type { Column } from '../../model/column.js';
import type { Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { fit } from '../text-cell.js';
import { escapeTags } from '../safe-text.js';
import { moveSelection, scrollTop } from '../table-window.js';

export class ColumnPicker<Row> implements Overlay {
  readonly placement = 'box';
  readonly title = 'Columns — Space toggles, [ ] move, Enter applies, Esc cancels';
  private readonly all: Column<Row>[];
  private readonly shown: Set<string>;
  private readonly apply: (columns: Column<Row>[]) => Reaction;
  private selected = 0;
  private top = 0;

  constructor(all: readonly Column<Row>[], shown: readonly Column<Row>[], apply: (columns: Column<Row>[]) => Reaction) {
    this.shown = new Set(shown.map((c) => c.id));
    this.all = [...shown, ...all.filter((c) => !this.shown.has(c.id))];
    this.apply = apply;
  }

  size(screenWidth: number, screenHeight: number): { width: number; height: number } {
    return { width: Math.min(screenWidth - 4, 90), height: Math.min(screenHeight - 4, this.all.length + 2) };
  }

  render(width: number, height: number, theme: Theme): string[] {
    this.top = scrollTop(this.top, this.selected, height, this.all.length);
    return this.all.slice(this.top, this.top + height).map((column, i) => {
      const mark = this.shown.has(column.id) ? '[x]' : '[ ]';
      const text = escapeTags(fit(` ${mark} ${column.title.padEnd(8)} ${column.id.padEnd(8)} ${column.description}`, width));
      return this.top + i === this.selected ? theme.bar(text) : text;
    });
  }

  onKey(ch: string | undefined, key: string | undefined): Reaction {
    switch (key) {
      case 'up': this.selected = moveSelection(this.selected, -1, this.all.length); return { redraw: true };
      case 'down': this.selected = moveSelection(this.selected, 1, this.all.length); return { redraw: true };
      case 'pageup': this.selected = moveSelection(this.selected, -10, this.all.length); return { redraw: true };
      case 'pagedown': this.selected = moveSelection(this.selected, 10, this.all.length); return { redraw: true };
      case 'space': return this.toggle();
      case 'f7': return this.move(-1);
      case 'f8': return this.move(1);
      case 'escape': return { closeOverlay: true };
      case 'enter': {
        const columns = this.all.filter((c) => this.shown.has(c.id));
        if (columns.length === 0) return { message: 'at least one column must stay' };
        return { closeOverlay: true, ...this.apply(columns) };
      }
      default:
        if (ch === '[') return this.move(-1);
        if (ch === ']') return this.move(1);
        return ch === 'x' ? this.toggle() : {};
    }
  }

  /** Moves the selected column one place up (-1) or down (1), the selection with it. */
  private move(delta: number): Reaction {
    const to = this.selected + delta;
    if (to < 0 || to >= this.all.length) return {};
    [this.all[this.selected], this.all[to]] = [this.all[to], this.all[this.selected]];
    this.selected = to;
    return { redraw: true };
  }

  private toggle(): Reaction {
    const id = this.all[this.selected].id;
    if (this.shown.has(id)) this.shown.delete(id);
    else this.shown.add(id);
    return { redraw: true };
  }
}
