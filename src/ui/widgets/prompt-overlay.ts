/**
 * The prompt line at the bottom, for search and the live filter: typed characters edit the
 * text and every change is reported at once (incremental search, live filter).
 */
import { isPrintable, type Overlay } from '../overlay.js';
import type { Reaction } from '../view.js';
import type { Theme } from '../theme.js';
import { safeText } from '../safe-text.js';
import { clip } from '../text-cell.js';

export interface PromptHandlers {
  change(text: string): Reaction;
  /** Enter: done (the prompt closes). */
  enter(text: string): Reaction;
  /** The key that opened the prompt pressed again (F3 in search: the next match). */
  again?(text: string): Reaction;
  /** Esc. */
  cancel(text: string): Reaction;
}

export class PromptOverlay implements Overlay {
  readonly placement = 'line';
  readonly title: string;
  private text: string;
  private readonly handlers: PromptHandlers;
  private readonly againKeys: readonly string[];

  constructor(title: string, initial: string, handlers: PromptHandlers, againKeys: readonly string[] = []) {
    this.title = title;
    this.text = initial;
    this.handlers = handlers;
    this.againKeys = againKeys;
  }

  get value(): string {
    return this.text;
  }

  render(width: number, _height: number, theme: Theme): string[] {
    const label = `${this.title}: `;
    const hint = '  Enter done · Esc cancel';
    const shown = clip(this.text, Math.max(0, width - label.length - hint.length - 1));
    return [`${theme.bar(label)}${safeText(shown)}_${theme.fg('gray', hint)}`];
  }

  onKey(ch: string | undefined, key: string | undefined): Reaction {
    if (key === 'escape') return { closeOverlay: true, ...this.handlers.cancel(this.text) };
    if (key === 'enter') return { closeOverlay: true, ...this.handlers.enter(this.text) };
    if (key !== undefined && this.againKeys.includes(key)) return this.handlers.again?.(this.text) ?? {};
    if (key === 'backspace') {
      if (this.text.length === 0) return {};
      this.text = this.text.slice(0, -1);
      return { redraw: true, ...this.handlers.change(this.text) };
    }
    if (isPrintable(ch) && !(key ?? '').startsWith('C-') && !(key ?? '').startsWith('M-')) {
      this.text += ch;
      return { redraw: true, ...this.handlers.change(this.text) };
    }
    return {};
  }
}
