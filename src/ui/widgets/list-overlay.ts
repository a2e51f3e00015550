/**
 * A picker: a titled list of choices, Up/Down (or the mouse wheel) to move, Enter to choose,
 * Esc to cancel. Used for the view picker (F2), the sort column (F6) and the signal (F9).
 */
import type { Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { safeText } from '../safe-text.js';
import { fit } from '../text-cell.js';
import { moveSelection, scrollTop } from '../table-window.js';

export interface Choice<T> {
  /** Plain text (escaped when drawn). */
  label: string;
  value: T;
  /** Shown dimmed and cannot be chosen (e.g. Mappings when no process is selected). */
  disabled?: boolean;
}

export class ListOverlay<T> implements Overlay {
  readonly placement = 'box';
  readonly title: string;
  private readonly choices: readonly Choice<T>[];
  private readonly choose: (value: T) => Reaction;
  private selected: number;
  private top = 0;

  constructor(title: string, choices: readonly Choice<T>[], choose: (value: T) => Reaction, initial = 0) {
    this.title = title;
    this.choices = choices;
    this.choose = choose;
    this.selected = Math.max(0, Math.min(initial, choices.length - 1));
  }

  size(screenWidth: number, screenHeight: number): { width: number; height: number } {
    const longest = Math.max(this.title.length + 4, ...this.choices.map((c) => c.label.length + 4));
    return { width: Math.min(screenWidth - 4, Math.max(30, longest + 2)), height: Math.min(screenHeight - 4, this.choices.length + 3) };
  }

  render(width: number, height: number, theme: Theme): string[] {
    const visible = Math.max(1, height - 1);
    this.top = scrollTop(this.top, this.selected, visible, this.choices.length);
    const lines = this.choices.slice(this.top, this.top + visible).map((choice, i) => {
      const text = safeText(fit(` ${choice.label}`, width));
      if (this.top + i === this.selected) return theme.bar(text);
      return choice.disabled ? theme.fg('gray', text) : text;
    });
    lines.push(theme.fg('gray', fit(' Enter choose · Esc cancel', width)));
    return lines;
  }

  onKey(ch: string | undefined, key: string | undefined): Reaction {
    switch (key) {
      case 'up': case 'k': this.selected = moveSelection(this.selected, -1, this.choices.length); return { redraw: true };
      case 'down': case 'j': this.selected = moveSelection(this.selected, 1, this.choices.length); return { redraw: true };
      case 'pageup': this.selected = moveSelection(this.selected, -10, this.choices.length); return { redraw: true };
      case 'pagedown': this.selected = moveSelection(this.selected, 10, this.choices.length); return { redraw: true };
      case 'home': this.selected = 0; return { redraw: true };
      case 'end': this.selected = this.choices.length - 1; return { redraw: true };
      case 'escape': case 'q': case 'f10': return { closeOverlay: true };
      case 'enter': {
        const choice = this.choices[this.selected];
        if (!choice || choice.disabled) return { message: 'not available now' };
        return { closeOverlay: true, ...this.choose(choice.value) };
      }
      default: return {};
    }
  }

  /** The wheel or a click on a line (0-based within the list). */
  pick(line: number): Reaction {
    const index = this.top + line;
    if (index < 0 || index >= this.choices.length) return {};
    this.selected = index;
    return { redraw: true };
  }
}
