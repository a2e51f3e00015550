/**
 * The one place samples are published: the sampler's listener (or a replay) publishes each
 * Sample once, and every consumer (the store, and later the recorder and the exporter)
 * subscribes. Needs no terminal: a headless command uses it as the UI does.
 */
import type { Sample } from '../sampler/sample.js';

export type SampleConsumer = (sample: Sample) => void;

export class SampleStream {
  private consumers: SampleConsumer[] = [];
  private latestSample: Sample | null = null;

  /**
   * `onConsumerError` hears what a consumer throws: the others still get the sample, so a
   * failing recorder never starves the screen (and the reverse).
   */
  constructor(private readonly onConsumerError: (error: unknown) => void) {}

  /** The last sample published, or null before the first. */
  get latest(): Sample | null {
    return this.latestSample;
  }

  /** Consumers are called in the order they subscribed; returns the way to unsubscribe. */
  subscribe(consumer: SampleConsumer): () => void {
    this.consumers.push(consumer);
    return () => {
      this.consumers = this.consumers.filter((c) => c !== consumer);
    };
  }

  publish(sample: Sample): void {
    this.latestSample = sample;
    for (const consumer of [...this.consumers]) {
      try {
        consumer(sample);
      } catch (error) {
        this.onConsumerError(error);
      }
    }
  }
}
