/**
 * Writes real samples as a recording file with the recording format's own encoder (src/record),
 * for replay tests that need a file before or besides `memtop record`.
 */
import { writeFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import type { Sample } from '../../src/sampler/sample.js';
import { SampleEncoder } from '../../src/record/sample-codec.js';
import { encodeRecord, FORMAT_NAME, FORMAT_VERSION } from '../../src/record/record-format.js';

/** The file's text: a header, then a keyframe every `keyframeEveryMs` and deltas between; an end record unless `end` is false. */
export function recordingText(samples: readonly Sample[], options: { intervalMs?: number; keyframeEveryMs?: number; end?: boolean; version?: number } = {}): string {
  const encoder = new SampleEncoder(options.keyframeEveryMs ?? 60_000);
  const lines = [encodeRecord({
    type: 'header', format: FORMAT_NAME, version: options.version ?? FORMAT_VERSION, memtopVersion: '0.1.0', host: hostname(), kernel: release(),
    pageSizeBytes: 4096, intervalMs: options.intervalMs ?? 1000, startedMs: samples[0]?.timeMs ?? Date.now(),
  })];
  for (const sample of samples) lines.push(encodeRecord(encoder.encode(sample)));
  if (options.end !== false) lines.push(encodeRecord({ type: 'end', timeMs: samples.at(-1)?.timeMs ?? Date.now(), samples: samples.length, reason: 'count' }));
  return lines.join('');
}

export function writeRecording(path: string, samples: readonly Sample[], options: Parameters<typeof recordingText>[1] = {}): void {
  writeFileSync(path, recordingText(samples, options));
}
