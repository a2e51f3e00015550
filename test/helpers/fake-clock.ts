/** A clock that moves only when told to, for the sampler's ages, intervals and CPU%. */
import type { Clock } from '../../src/sampler/clock.js';

export class FakeClock implements Clock {
  private nowMs: number;
  private readonly epochBaseMs: number;

  constructor(startMs = 1_000_000, epochBaseMs = Date.UTC(2026, 10, 26, 12, 0, 0)) {
    this.nowMs = startMs;
    this.epochBaseMs = epochBaseMs;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  monotonicMs(): number {
    return this.nowMs;
  }

  epochMs(): number {
    return this.epochBaseMs + this.nowMs;
  }
}
