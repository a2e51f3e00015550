/**
 * The UI thread's end of the sampler worker: starts it, forwards what to read, and hands each
 * sample and mappings reading to the listeners. The UI codes against SampleSource, so tests can
 * drive it with a sampler in the same thread.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker, SamplingConfig, ToWorker, WorkerInput } from './sampler-protocol.js';
import type { MappingsReading, ProcessIdentity, Sample } from '../sample.js';
import { SampleDeltaReader } from './sample-delta.js';

export interface SampleListeners {
  onReady(pageSizeBytes: number): void;
  onSample(sample: Sample): void;
  onMappings(target: ProcessIdentity, reading: MappingsReading, readAtMs: number): void;
  onError(error: Error): void;
}

export interface SampleSource {
  readonly config: SamplingConfig;
  /** Starts sampling; the first sample follows as soon as it is taken. */
  start(listeners: SampleListeners): void;
  configure(change: Partial<SamplingConfig>): void;
  /** Take a sample as soon as possible. */
  sampleNow(): void;
  stop(): Promise<void>;
}

export class WorkerSampleSource implements SampleSource {
  private worker: Worker | null = null;
  private current: SamplingConfig;
  private readonly procRoot: string;

  constructor(procRoot: string, config: SamplingConfig) {
    this.procRoot = procRoot;
    this.current = config;
  }

  get config(): SamplingConfig {
    return this.current;
  }

  /** `firstTickDelayMs`: 0 samples at once; the caller that took the first sample itself passes the interval. */
  start(listeners: SampleListeners, firstTickDelayMs = 0): void {
    const input: WorkerInput = { procRoot: this.procRoot, config: this.current, firstTickDelayMs };
    const worker = new Worker(new URL('./sampler-worker.js', import.meta.url), {
      workerData: input,
      // The worker only reads /proc: a small young generation keeps its footprint low.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    this.worker = worker;
    const deltas = new SampleDeltaReader();
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready': return listeners.onReady(message.pageSizeBytes);
        case 'sample': return listeners.onSample(deltas.read(message.delta));
        case 'mappings': return listeners.onMappings(message.target, message.reading, message.readAtMs);
        case 'error': {
          const error = new Error(`sampler: ${message.message}`);
          error.stack = message.stack;
          return listeners.onError(error);
        }
      }
    });
    worker.on('error', (err) => listeners.onError(err));
  }

  configure(change: Partial<SamplingConfig>): void {
    const next = { ...this.current, ...change };
    if (sameConfig(next, this.current)) return;
    this.current = next;
    this.send({ type: 'config', config: next });
  }

  sampleNow(): void {
    this.send({ type: 'now' });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}

function sameConfig(a: SamplingConfig, b: SamplingConfig): boolean {
  return sameNeeds(a.needs, b.needs) && a.exact === b.exact && a.maxStalenessMs === b.maxStalenessMs
    && a.intervalMs === b.intervalMs && a.paused === b.paused
    && a.mappingsOf?.pid === b.mappingsOf?.pid && a.mappingsOf?.startTimeTicks === b.mappingsOf?.startTimeTicks;
}

function sameNeeds(a: SamplingConfig['needs'], b: SamplingConfig['needs']): boolean {
  return a.size === b.size && [...a].every((need) => b.has(need));
}

/**
 * Listeners that hold what arrives until the real ones are attached: the worker starts before
 * the UI has loaded blessed, so the first sample is taken while blessed loads.
 */
export class RelayListeners implements SampleListeners {
  private target: SampleListeners | null = null;
  private readonly queued: ((l: SampleListeners) => void)[] = [];

  attach(target: SampleListeners): void {
    this.target = target;
    for (const deliver of this.queued.splice(0)) deliver(target);
  }

  private relay(deliver: (l: SampleListeners) => void): void {
    if (this.target) deliver(this.target);
    else this.queued.push(deliver);
  }

  onReady(pageSizeBytes: number): void { this.relay((l) => l.onReady(pageSizeBytes)); }
  onSample(sample: Sample): void { this.relay((l) => l.onSample(sample)); }
  onMappings(target: ProcessIdentity, reading: MappingsReading, readAtMs: number): void { this.relay((l) => l.onMappings(target, reading, readAtMs)); }
  onError(error: Error): void { this.relay((l) => l.onError(error)); }
}
