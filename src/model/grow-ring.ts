/**
 * A first-in first-out ring of rows, each a time and a few numbers, in two typed arrays (no
 * object per point, and two array objects per ring whatever its columns): times as whole ms in a
 * Uint32Array, values row by row in one Float32Array (NaN: no value). It starts small and
 * doubles up to `maxCapacity`; once full, a push drops the oldest row. Float32 keeps 24 bits of a
 * size: a byte figure to within 1 part in 16 million.
 */
export class GrowRing {
  private times: Uint32Array;
  private values: Float32Array;
  private head = 0;
  private count = 0;

  constructor(readonly columnCount: number, readonly maxCapacity: number, initialCapacity = 16) {
    if (!Number.isInteger(maxCapacity) || maxCapacity < 1) throw new RangeError(`GrowRing capacity must be a whole number ≥ 1, not ${maxCapacity}`);
    const capacity = Math.min(maxCapacity, initialCapacity);
    this.times = new Uint32Array(capacity);
    this.values = new Float32Array(capacity * columnCount);
  }

  get length(): number {
    return this.count;
  }

  get capacity(): number {
    return this.times.length;
  }

  /** Bytes held by the typed arrays. */
  get byteSize(): number {
    return this.times.byteLength + this.values.byteLength;
  }

  push(timeMs: number, values: ArrayLike<number>): void {
    if (this.count === this.times.length && this.count < this.maxCapacity) this.grow();
    const capacity = this.times.length;
    const at = (this.head + this.count) % capacity;
    this.times[at] = timeMs;
    const base = at * this.columnCount;
    for (let c = 0; c < this.columnCount; c++) this.values[base + c] = values[c];
    if (this.count < capacity) this.count++;
    else this.head = (this.head + 1) % capacity;
  }

  /** Time of row i, oldest first. */
  time(i: number): number {
    return this.times[(this.head + i) % this.times.length];
  }

  value(column: number, i: number): number {
    return this.values[((this.head + i) % this.times.length) * this.columnCount + column];
  }

  /** Drops the rows older than `timeMs`. */
  dropBefore(timeMs: number): void {
    while (this.count > 0 && this.times[this.head] < timeMs) {
      this.head = (this.head + 1) % this.times.length;
      this.count--;
    }
  }

  private grow(): void {
    const capacity = Math.min(this.maxCapacity, this.times.length * 2);
    const times = new Uint32Array(capacity);
    const values = new Float32Array(capacity * this.columnCount);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) % this.times.length;
      times[i] = this.times[from];
      values.set(this.values.subarray(from * this.columnCount, (from + 1) * this.columnCount), i * this.columnCount);
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }
}
