/**
 * Search (F3, /): a new search each time (typing jumps to the first process from the selection
 * down whose command matches); F3 in the prompt or n afterwards goes to the next match of the
 * last search, wrapping around. And the live filter's prompt (F4, \):
 * every keystroke re-filters; Esc clears it.
 */
import type { Store } from '../../model/store.js';
import type { ProcessSample } from '../../sampler/sample.js';
import { PromptOverlay } from '../widgets/prompt-overlay.js';
import type { Reaction } from '../view.js';
import { matchesFilter } from './process-rows.js';

interface Searchable {
  rows(store: Store): { rows: ProcessSample[] };
  readonly selectedIndex: number;
  moveTo(index: number, rows: readonly ProcessSample[]): Reaction;
}

export class ProcessSearch {
  text = '';

  prompt(view: Searchable, store: Store): PromptOverlay {
    // A fresh prompt: what is typed is the new search (it was appended to the last one).
    return new PromptOverlay('Search', '', {
      change: (text) => {
        this.text = text;
        return this.find(view, store, 0);
      },
      enter: () => ({ redraw: true }),
      again: (text) => {
        this.text = text;
        return this.find(view, store, 1);
      },
      cancel: () => ({ redraw: true }),
    }, ['f3']);
  }

  next(view: Searchable, store: Store): Reaction {
    if (this.text === '') return { message: 'nothing to search for: press / or F3' };
    return this.find(view, store, 1);
  }

  /** First match at or after selection + offset, wrapping around. */
  private find(view: Searchable, store: Store, offset: number): Reaction {
    if (this.text === '') return { redraw: true };
    const { rows } = view.rows(store);
    const lower = this.text.toLowerCase();
    for (let i = 0; i < rows.length; i++) {
      const index = (view.selectedIndex + offset + i) % rows.length;
      if (matchesFilter(rows[index], lower)) return view.moveTo(index, rows);
    }
    return { redraw: true, message: `no process matches "${this.text}"` };
  }

  filterPrompt(initial: string, apply: (text: string) => Reaction): PromptOverlay {
    return new PromptOverlay('Filter', initial, {
      change: (text) => apply(text),
      enter: (text) => apply(text),
      cancel: () => ({ ...apply(''), message: 'filter cleared' }),
    });
  }
}
