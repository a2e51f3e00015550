/**
 * A SampleSource for in-process screen tests: a real Sampler and the real smaps reader on a proc
 * root (a fixture tree or /proc), in this thread, sampling only when the test says tick().
 */
import { ProcFs } from '../../src/proc/procfs.js';
import { DEFAULT_NEEDS, Sampler } from '../../src/sampler/sampler.js';
import { readMappings } from '../../src/sampler/read-mappings.js';
import type { SampleListeners, SampleSource } from '../../src/sampler/worker/sampler-host.js';
import type { SamplingConfig } from '../../src/sampler/worker/sampler-protocol.js';
import type { MappingsReading } from '../../src/sampler/sample.js';

export class InlineSource implements SampleSource {
  config: SamplingConfig;
  readonly procfs: ProcFs;
  readonly sampler: Sampler;
  listeners: SampleListeners | null = null;
  sampleRequests = 0;
  /** Replaces the smaps reading (e.g. to stand for a refused one: root is never refused here). */
  mappingsOverride: (() => MappingsReading) | null = null;

  constructor(procRoot: string, config: Partial<SamplingConfig> = {}) {
    this.procfs = new ProcFs(procRoot);
    this.config = { needs: DEFAULT_NEEDS, exact: true, maxStalenessMs: 10_000, intervalMs: 2000, paused: false, mappingsOf: null, ...config };
    this.sampler = new Sampler({ procfs: this.procfs, exact: this.config.exact });
  }

  start(listeners: SampleListeners): void {
    this.listeners = listeners;
    listeners.onReady(4096);
  }

  configure(change: Partial<SamplingConfig>): void {
    const before = this.config.mappingsOf;
    this.config = { ...this.config, ...change };
    this.sampler.needs = this.config.needs;
    const after = this.config.mappingsOf;
    if (after && (before?.pid !== after.pid || before.startTimeTicks !== after.startTimeTicks)) this.readMappings();
  }

  sampleNow(): void {
    this.sampleRequests++;
  }

  /** One tick, as the worker does it: a sample, then the watched process's smaps. */
  tick(): void {
    this.listeners?.onSample(this.sampler.sample());
    this.readMappings();
  }

  private readMappings(): void {
    const target = this.config.mappingsOf;
    if (!target || !this.listeners) return;
    let reading: MappingsReading;
    if (this.mappingsOverride) reading = this.mappingsOverride();
    else {
      const outcome = readMappings(this.procfs, target.pid);
      reading = outcome.kind === 'ok' && outcome.startTimeTicks === target.startTimeTicks
        ? { kind: 'ok', comm: outcome.comm, mappings: outcome.mappings }
        : outcome.kind === 'denied' ? { kind: 'denied' } : { kind: 'gone' };
    }
    this.listeners.onMappings(target, reading, 0);
  }

  async stop(): Promise<void> {
    this.listeners = null;
  }
}
