/**
 * The Mappings view's mark: the reading its Δ figures are measured from. It is the first reading
 * the view took, and `m` makes the latest one the mark, like a stopwatch. The line above the
 * table says how long ago it was taken, counted to the latest reading (the one the Δ figures
 * compare with: a huge process's smaps is re-read less often than every tick).
 */
import { durationText } from '../../model/human-units.js';
import type { SmapsTable } from '../../proc/smaps-table.js';
import type { Store } from '../../model/store.js';
import type { Theme } from '../theme.js';

export class MappingsMark {
  table: SmapsTable | null = null;
  /** Wall-clock time of the marked reading, ms since the epoch. */
  private readAtMs: number | null = null;
  /** Bumped each time the mark moves: sorted rows made against an older mark are stale. */
  generation = 0;

  /** Takes the latest reading as the mark when there is none yet; the mark, or null before any reading. */
  of(store: Store): SmapsTable | null {
    if (this.table === null && store.mappings?.mappings) this.set(store);
    return this.table;
  }

  /** `m`: the latest reading becomes the mark; false when there is no reading to mark. */
  reset(store: Store): boolean {
    if (!store.mappings?.mappings) return false;
    this.set(store);
    return true;
  }

  /** " Δ since the mark, taken 12s ago at 14:03:05 · m resets it", or nothing before a reading. */
  line(store: Store, theme: Theme): string[] {
    if (this.table === null) return [];
    const nowMs = store.mappings?.readAtMs ?? null;
    const ago = this.readAtMs === null || nowMs === null ? '' : `, taken ${durationText(Math.max(0, nowMs - this.readAtMs))} ago at ${new Date(this.readAtMs).toTimeString().slice(0, 8)}`;
    return [theme.fg('cyan', ` Δ since the mark${ago} · m resets the mark`)];
  }

  /** Drops the marked reading (the view was closed); the next reading becomes the mark. */
  clear(): void {
    this.table = null;
    this.readAtMs = null;
    this.generation++;
  }

  private set(store: Store): void {
    this.table = store.mappings!.mappings;
    this.readAtMs = store.mappings!.readAtMs;
    this.generation++;
  }
}
