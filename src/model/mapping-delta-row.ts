/**
 * One mapping (or group, or the totals) seen in two readings of a process's smaps, the mark and
 * now: shown with its figures now, and its change since the mark. A mapping only in the mark is
 * gone: its figures now are 0 and its change is minus what it had; one only now is new.
 */
import type { MappingRow } from './mapping-row.js';

/** new: not in the mark; gone: not in the reading now; kept: in both. */
export type MappingChange = 'new' | 'gone' | 'kept';

export interface MappingDeltaRow extends MappingRow {
  change: MappingChange;
  /** Now minus the mark, bytes (Size, Rss, Pss, Private_Clean + Private_Dirty, Swap). */
  sizeDeltaBytes: number;
  rssDeltaBytes: number;
  pssDeltaBytes: number;
  ussDeltaBytes: number;
  swapDeltaBytes: number;
}

/** Reads its fields from the two rows when asked, as TableRow does from its table. */
class DeltaRow implements MappingDeltaRow {
  readonly #now: MappingRow | null;
  readonly #mark: MappingRow | null;
  readonly #shown: MappingRow;

  constructor(now: MappingRow | null, mark: MappingRow | null) {
    this.#now = now;
    this.#mark = mark;
    this.#shown = (now ?? mark)!;
  }

  get change(): MappingChange { return this.#mark === null ? 'new' : this.#now === null ? 'gone' : 'kept'; }
  get start(): string { return this.#shown.start; }
  get end(): string { return this.#shown.end; }
  get offset(): string { return this.#shown.offset; }
  get perms(): string { return this.#shown.perms; }
  get device(): string { return this.#shown.device; }
  get inode(): string { return this.#shown.inode; }
  get path(): string { return this.#shown.path; }
  get kind(): MappingRow['kind'] { return this.#shown.kind; }
  get count(): number { return this.#shown.count; }
  get sizeBytes(): number { return this.#now?.sizeBytes ?? 0; }
  get rssBytes(): number { return this.#now?.rssBytes ?? 0; }
  get pssBytes(): number { return this.#now?.pssBytes ?? 0; }
  get ussBytes(): number { return this.#now?.ussBytes ?? 0; }
  get sharedBytes(): number { return this.#now?.sharedBytes ?? 0; }
  get dirtyBytes(): number { return this.#now?.dirtyBytes ?? 0; }
  get swapBytes(): number { return this.#now?.swapBytes ?? 0; }
  get swapPssBytes(): number { return this.#now?.swapPssBytes ?? 0; }
  get lockedBytes(): number { return this.#now?.lockedBytes ?? 0; }
  get anonymousBytes(): number { return this.#now?.anonymousBytes ?? 0; }
  get sizeDeltaBytes(): number { return this.#delta((r) => r.sizeBytes); }
  get rssDeltaBytes(): number { return this.#delta((r) => r.rssBytes); }
  get pssDeltaBytes(): number { return this.#delta((r) => r.pssBytes); }
  get ussDeltaBytes(): number { return this.#delta((r) => r.ussBytes); }
  get swapDeltaBytes(): number { return this.#delta((r) => r.swapBytes); }

  #delta(get: (row: MappingRow) => number): number {
    return (this.#now ? get(this.#now) : 0) - (this.#mark ? get(this.#mark) : 0);
  }
}

/** The row of a mapping as it is now and as it was at the mark; either may be null, not both. */
export function deltaRow(now: MappingRow | null, mark: MappingRow | null): MappingDeltaRow {
  if (now === null && mark === null) throw new RangeError('a mapping is in one reading at least');
  return new DeltaRow(now, mark);
}

/** True when the row is new, gone, or any of its figures moved. */
export function hasChanged(row: MappingDeltaRow): boolean {
  return row.change !== 'kept' || row.sizeDeltaBytes !== 0 || row.rssDeltaBytes !== 0 || row.pssDeltaBytes !== 0
    || row.ussDeltaBytes !== 0 || row.swapDeltaBytes !== 0;
}
