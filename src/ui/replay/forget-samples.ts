/**
 * Empties the store of what the samples put in it (latest, previous, the system history), as
 * a store just made: a replay rewinds it before publishing again from an earlier sample. Its
 * version only moves forward, so views that cache by version draw again.
 */
import type { Store } from '../../model/store.js';

export function forgetSamples(store: Store): void {
  store.latest = null;
  store.previous = null;
  store.history.clear();
  store.version++;
}
