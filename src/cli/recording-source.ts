/**
 * Commands that read a recording instead of /proc (`snapshot --from`, `leaks --from`): the file
 * opened with its problems as one line each (a file that is not a recording, of a newer format:
 * exit 1), the reader's notes (a file cut short) kept for stderr, and --at resolved to a sample.
 */
import type { Sample } from '../sampler/sample.js';
import { openRecording } from '../record/open-recording.js';
import type { Recording } from '../record/recording.js';
import { RecordingError } from '../record/recording-error.js';
import { localText, parseTimePoint, resolveTimePoint, TIME_POINT_FORMS, type TimePoint } from '../record/time-point.js';
import { CliError, usageError } from './cli-error.js';

/** --at's value: a usage error when it is no time memtop knows. */
export function timePointValue(text: string): TimePoint {
  const point = parseTimePoint(text);
  if (point === null) throw usageError(`--at takes ${TIME_POINT_FORMS}, not '${text}'`);
  return point;
}

export function openRecordingOrFail(path: string): Recording {
  let recording: Recording;
  try {
    recording = openRecording(path);
  } catch (error) {
    throw error instanceof RecordingError ? new CliError(error.message) : error;
  }
  if (recording.length === 0) throw new CliError(`${path} holds no whole sample${recording.notes.length > 0 ? ` (${recording.notes.join('; ')})` : ''}`);
  return recording;
}

export interface RecordedSample {
  sample: Sample;
  /** What to say on stderr: which sample, and what the reader noticed. */
  notes: string[];
}

/** The sample at --at (default: the last one) of the recording at `path`. */
export function recordedSample(path: string, at: TimePoint = { kind: 'end' }): RecordedSample {
  const recording = openRecordingOrFail(path);
  const last = recording.length - 1;
  const intervalMs = recording.sessionOf(last).header.intervalMs;
  const index = resolveTimePoint(at, recording, { beforeMs: 1000, afterMs: Math.max(1000, 2 * intervalMs) });
  if (typeof index === 'string') throw new CliError(`--at: ${index}`);
  const sample = recording.sampleAt(index);
  return { sample, notes: [...recording.notes, `the sample of ${localText(sample.timeMs)} (${index + 1} of ${recording.length}) from ${path}`] };
}
