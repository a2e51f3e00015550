/**
 * A recording read back: its sessions, the time of every sample, and the whole Sample at any
 * index, rebuilt from the keyframe before it (or from the last sample asked for, when that is on
 * the way). Built from the file's text by readRecording (recording-text.ts).
 */
import type { Sample } from '../sampler/sample.js';
import { applyDelta, keyframeSample } from './sample-codec.js';
import { decodeRecord, type DeltaRecord, type HeaderRecord, type KeyframeRecord } from './record-format.js';

export interface RecordingSession {
  header: HeaderRecord;
  /** Index of the session's first sample. */
  firstIndex: number;
  /** Samples in the session. */
  count: number;
  /** The session ended cleanly (an end record): why it stopped; null when it has no end. */
  endReason: string | null;
}

/** Where sample i's record lies in the text, and the keyframe it is rebuilt from. */
export interface SampleEntry {
  timeMs: number;
  start: number;
  end: number;
  keyframeIndex: number;
}

export class Recording {
  private cached: { index: number; sample: Sample } | null = null;

  constructor(
    /** The file's name, for messages. */
    readonly name: string,
    private readonly text: Buffer,
    private readonly entries: readonly SampleEntry[],
    readonly sessions: readonly RecordingSession[],
    /** What the reader noticed: a record cut short, a damaged line, no end record. */
    readonly notes: readonly string[],
  ) {}

  /** The first session's header (host, kernel, page size, memtop version). */
  get header(): HeaderRecord {
    return this.sessions[0].header;
  }

  /** Samples in the recording. */
  get length(): number {
    return this.entries.length;
  }

  /** Wall-clock time of sample `index`, ms since the epoch. */
  timeMs(index: number): number {
    return this.entry(index).timeMs;
  }

  /** The session sample `index` belongs to. */
  sessionOf(index: number): RecordingSession {
    this.entry(index);
    return this.sessions.find((s) => index >= s.firstIndex && index < s.firstIndex + s.count)!;
  }

  /**
   * The index of the last sample taken at or before `timeMs` (samples are in file order, and
   * times are taken to increase), or -1 when every sample is later.
   */
  indexAt(timeMs: number): number {
    let low = 0;
    let high = this.entries.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.entries[middle].timeMs <= timeMs) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** The whole Sample at `index`: a new object each time it is rebuilt; treat it as read-only. */
  sampleAt(index: number): Sample {
    const entry = this.entry(index);
    const cached = this.cached;
    let from: number;
    let sample: Sample;
    if (cached !== null && cached.index === index) return cached.sample;
    if (cached !== null && cached.index < index && cached.index >= entry.keyframeIndex) {
      from = cached.index + 1;
      sample = cached.sample;
    } else {
      sample = keyframeSample(this.record(entry.keyframeIndex) as KeyframeRecord);
      from = entry.keyframeIndex + 1;
    }
    for (let i = from; i <= index; i++) sample = applyDelta(sample, this.record(i) as DeltaRecord);
    this.cached = { index, sample };
    return sample;
  }

  private entry(index: number): SampleEntry {
    const entry = this.entries[index];
    if (!Number.isInteger(index) || entry === undefined) throw new RangeError(`no sample ${index} in ${this.name} (it has ${this.entries.length})`);
    return entry;
  }

  private record(index: number) {
    const { start, end } = this.entries[index];
    return decodeRecord(this.text.toString('utf8', start, end));
  }
}
