/**
 * The recorder: takes each published Sample, encodes it (a keyframe, else a delta) and writes it,
 * one at a time in order. It stops itself after --count samples, at --max-size, or when a write
 * fails; stop() ends it from outside (--duration, a signal). Either way the end record is written
 * and the file closed, and `done` settles with what was recorded.
 */
import type { Sample } from '../sampler/sample.js';
import type { HeaderRecord } from './record-format.js';
import { SampleEncoder } from './sample-codec.js';
import type { RecordingWriter } from './recording-writer.js';

/** A keyframe at least this often, so a reader rebuilds a sample from at most this much of deltas. */
export const KEYFRAME_EVERY_MS = 300_000;

export interface RecorderOptions {
  writer: RecordingWriter;
  /** The session's header, given the first sample's time. */
  header: (firstSample: Sample) => HeaderRecord;
  /** Stop after this many samples. */
  count?: number;
  keyframeEveryMs?: number;
}

export interface RecordingSummary {
  samples: number;
  firstMs: number | null;
  lastMs: number | null;
  sizeBytes: number;
  /** "count", "max-size", "error", or the reason given to stop(). */
  reason: string;
  /** The write that failed, when reason is "error". */
  error?: Error;
}

export class Recorder {
  private readonly encoder: SampleEncoder;
  private queue: Promise<void> = Promise.resolve();
  private stopped: string | null = null;
  /** Why it stopped by itself (count, max-size, a failed write): samples still queued are then dropped. */
  private halted: string | null = null;
  private samples = 0;
  private firstMs: number | null = null;
  private lastMs: number | null = null;
  private error: Error | undefined;
  private resolveDone!: (summary: RecordingSummary) => void;
  /** Settles once the recording has ended and the file is closed. */
  readonly done: Promise<RecordingSummary>;

  constructor(private readonly options: RecorderOptions) {
    this.encoder = new SampleEncoder(options.keyframeEveryMs ?? KEYFRAME_EVERY_MS);
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  /** A SampleStream consumer: queues the sample's record behind the previous ones. */
  onSample(sample: Sample): void {
    if (this.stopped !== null) return;
    this.queue = this.queue.then(() => this.record(sample));
  }

  /** Ends the recording after the samples already queued. */
  stop(reason: string): Promise<RecordingSummary> {
    if (this.stopped === null) {
      this.stopped = reason;
      this.queue = this.queue.then(() => this.finish());
    }
    return this.done;
  }

  private halt(reason: string): void {
    this.halted ??= reason;
    void this.stop(reason);
  }

  private async record(sample: Sample): Promise<void> {
    if (this.halted !== null) return;
    const { writer } = this.options;
    try {
      // The header goes with the first sample: a session is never a header alone.
      const records = this.samples === 0 ? [this.options.header(sample), this.encoder.encode(sample)] : [this.encoder.encode(sample)];
      if (!(await writer.write(...records))) return this.halt('max-size');
    } catch (error) {
      this.error = error as Error;
      return this.halt('error');
    }
    this.samples++;
    this.firstMs ??= sample.timeMs;
    this.lastMs = sample.timeMs;
    if (this.options.count !== undefined && this.samples >= this.options.count) this.halt('count');
  }

  private async finish(): Promise<void> {
    const reason = this.halted ?? this.stopped!;
    const end = this.error === undefined && this.lastMs !== null ? { type: 'end' as const, timeMs: this.lastMs, samples: this.samples, reason } : null;
    try {
      await this.options.writer.close(end);
    } catch (error) {
      this.error ??= error as Error;
    }
    this.resolveDone({
      samples: this.samples, firstMs: this.firstMs, lastMs: this.lastMs, sizeBytes: this.options.writer.sizeBytes,
      reason: this.error !== undefined ? 'error' : reason, ...(this.error !== undefined && { error: this.error }),
    });
  }
}
