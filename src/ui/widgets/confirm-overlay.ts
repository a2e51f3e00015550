/** A yes/no question: y or Enter says yes, n or Esc says no. */
import type { Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { safeText } from '../safe-text.js';
import { fit } from '../text-cell.js';

export class ConfirmOverlay implements Overlay {
  readonly placement = 'box';
  readonly title: string;
  private readonly lines: readonly string[];
  private readonly yes: () => Reaction;

  /** `lines`: plain text (escaped when drawn). */
  constructor(title: string, lines: readonly string[], yes: () => Reaction) {
    this.title = title;
    this.lines = lines;
    this.yes = yes;
  }

  size(screenWidth: number): { width: number; height: number } {
    const longest = Math.max(this.title.length + 4, ...this.lines.map((l) => l.length + 4), 34);
    return { width: Math.min(screenWidth - 4, longest + 2), height: this.lines.length + 5 };
  }

  render(width: number, height: number, theme: Theme): string[] {
    // The answer line always shows; lines that do not fit are counted instead.
    const room = Math.max(1, height - 2);
    const cut = this.lines.length > room;
    const shown = cut ? [...this.lines.slice(0, room - 1), `… and ${this.lines.length - room + 1} more`] : this.lines;
    return [
      ...shown.map((line) => safeText(fit(` ${line}`, width))),
      '',
      theme.bold(fit(' y / Enter: yes     n / Esc: no', width)),
    ];
  }

  onKey(ch: string | undefined, key: string | undefined): Reaction {
    if (key === 'enter' || ch === 'y' || ch === 'Y') return { closeOverlay: true, ...this.yes() };
    if (key === 'escape' || ch === 'n' || ch === 'N' || key === 'q') return { closeOverlay: true, message: 'cancelled' };
    return {};
  }
}
