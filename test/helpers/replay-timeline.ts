/**
 * Timelines of real samples for the replay tests: the core Sampler on a proc root (the live
 * /proc or a fixture tree), on a fake clock that moves `stepMs` per sample, so a minute of
 * recorded time takes as long as the reads do.
 */
import { ProcFs } from '../../src/proc/procfs.js';
import { Sampler } from '../../src/sampler/sampler.js';
import type { Sample } from '../../src/sampler/sample.js';
import { FakeClock } from './fake-clock.js';

export interface SampledTimeline {
  samples: Sample[];
  clock: FakeClock;
}

/** `count` samples of `procRoot`, `stepMs` apart on the fake clock; `between` runs before each. */
export async function sampleTimeline(procRoot: string, count: number, stepMs = 1000, between?: (index: number) => Promise<void>): Promise<SampledTimeline> {
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs: new ProcFs(procRoot), clock, exact: true });
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    if (between) await between(i);
    samples.push(sampler.sample());
    clock.advance(stepMs);
  }
  return { samples, clock };
}
