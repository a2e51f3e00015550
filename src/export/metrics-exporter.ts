/**
 * What /metrics serves: the latest sample's metrics, rendered once when the sample arrives, and
 * the exporter's own metrics (scrape duration, sample age, errors), rendered per scrape from a
 * few counters. A scrape reads no /proc and builds nothing per process, so concurrent scrapes
 * are cheap.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Sample } from '../sampler/sample.js';
import { sampleRegistry, type ExportOptions } from './sample-registry.js';

export interface Exposition {
  /** 503 until the first sample has been rendered. */
  status: 200 | 503;
  contentType: string;
  /** The body in parts: the sample's metrics are encoded once per sample, not per scrape. */
  body: (Buffer | string)[];
}

export class MetricsExporter {
  private sampleText: Buffer | null = null;
  private latestTimeMs: number | null = null;
  private published = 0;
  private readonly self = new Registry();
  private readonly age: Gauge;
  private readonly errors: Counter;
  private readonly duration: Histogram;

  constructor(private readonly options: ExportOptions, private readonly nowMs: () => number = Date.now) {
    this.age = new Gauge({ name: 'memtop_sample_age_seconds', help: 'Age of the sample served, at the time of the scrape', registers: [this.self] });
    this.errors = new Counter({ name: 'memtop_errors_total', help: 'Errors met by the sampler or while rendering metrics', labelNames: ['where'], registers: [this.self] });
    this.duration = new Histogram({
      name: 'memtop_scrape_duration_seconds', help: 'Time to answer a scrape of /metrics (earlier scrapes)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [this.self],
    });
    this.errors.inc({ where: 'sampler' }, 0);
    this.errors.inc({ where: 'render' }, 0);
  }

  /** A SampleStream consumer: renders the sample's metrics (a newer sample wins over a slower render). */
  onSample(sample: Sample): void {
    const ticket = ++this.published;
    let registry: Registry;
    try {
      registry = sampleRegistry(sample, this.options);
    } catch (error) {
      this.noteError('render');
      throw error;
    }
    void registry.metrics().then((text) => {
      if (ticket !== this.published) return;
      this.sampleText = Buffer.from(text, 'utf8');
      this.latestTimeMs = sample.timeMs;
    }, () => this.noteError('render'));
  }

  noteError(where: 'sampler' | 'render'): void {
    this.errors.inc({ where });
  }

  observeScrape(seconds: number): void {
    this.duration.observe(seconds);
  }

  async exposition(): Promise<Exposition> {
    const contentType = this.self.contentType;
    if (this.sampleText === null || this.latestTimeMs === null) {
      return { status: 503, contentType: 'text/plain; charset=utf-8', body: ['memtop: no sample yet; try again in a moment\n'] };
    }
    this.age.set(Math.max(0, (this.nowMs() - this.latestTimeMs) / 1000));
    return { status: 200, contentType, body: [this.sampleText, await this.self.metrics()] };
  }
}
