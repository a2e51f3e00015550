/**
 * The column picker: every column of the one column table with its description; Space toggles,
 * Enter applies, Esc cancels. The shown order is the table's order.
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
  readonly title = 'Columns — Space toggles, Enter applies, Esc cancels';
  private readonly all: readonly Column<Row>[];
  private readonly shown: Set<string>;
  private readonly apply: (columns: Column<Row>[]) => Reaction;
  private selected = 0;
  private top = 0;

  constructor(all: readonly Column<Row>[], shown: readonly Column<Row>[], apply: (columns: Column<Row>[]) => Reaction) {
    this.all = all;
    this.shown = new Set(shown.map((c) => c.id));
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
      case 'escape': return { closeOverlay: true };
      case 'enter': {
        const columns = this.all.filter((c) => this.shown.has(c.id));
        if (columns.length === 0) return { message: 'at least one column must stay' };
        return { closeOverlay: true, ...this.apply(columns) };
      }
      default: return ch === 'x' ? this.toggle() : {};
    }
  }

  private toggle(): Reaction {
    const id = this.all[this.selected].id;
    if (this.shown.has(id)) this.shown.delete(id);
    else this.shown.add(id);
    return { redraw: true };
  }
}
