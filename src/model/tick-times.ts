/**
 * The times of the history's ticks (one a sample), numbered from 0, shared by every process's
 * track: a track stores tick numbers, and its points' times come from here. Holds the ticks of
 * the full-resolution window; grows by doubling when more ticks fall inside it.
 */
export class TickTimes {
  private times = new Float64Array(64);
  /** The oldest tick still held. */
  first = 0;
  /** The next tick's number (the latest is next - 1). */
  next = 0;

  /** Adds a tick at `timeMs`; its number. */
  push(timeMs: number): number {
    if (this.next - this.first === this.times.length) this.grow();
    this.times[this.next % this.times.length] = timeMs;
    return this.next++;
  }

  get latest(): number {
    return this.next - 1;
  }

  /** The tick's time, ms; NaN for a tick no longer (or not yet) held. */
  time(tick: number): number {
    return tick >= this.first && tick < this.next ? this.times[tick % this.times.length] : NaN;
  }

  /** Forgets the ticks before `timeMs`. */
  dropBefore(timeMs: number): void {
    while (this.first < this.next && this.times[this.first % this.times.length] < timeMs) this.first++;
  }

  get byteSize(): number {
    return this.times.byteLength;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    for (let t = this.first; t < this.next; t++) times[t % times.length] = this.times[t % this.times.length];
    this.times = times;
  }
}
