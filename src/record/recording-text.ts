/**
 * Reads a recording's text (NDJSON, record-format.ts) into a Recording: checks the header,
 * follows every delta once (so a sample that cannot be rebuilt is found now, not in the middle
 * of a replay), and remembers where each sample's record lies. A file cut anywhere reads up to
 * its last whole sample, with a note saying so; so does a damaged line, except where a later
 * session was appended after a record cut short (that record is skipped, the rest is read).
 */
import type { Sample } from '../sampler/sample.js';
import { Recording, type RecordingSession, type SampleEntry } from './recording.js';
import { decodeRecord, FORMAT_NAME, FORMAT_VERSION, RecordProblem, type RecordingRecord } from './record-format.js';
import { applyDelta } from './sample-codec.js';
import { RecordingError } from './recording-error.js';

/** How every header line begins (JSON.stringify keeps the order the writer gives). */
export const HEADER_START = `{"type":"header","format":"${FORMAT_NAME}"`;
const NEWLINE = 0x0a;

/** `earlier`: notes from reading the file (a gzip stream cut short), said first. */
export function readRecording(name: string, text: Buffer, earlier: readonly string[] = []): Recording {
  const entries: SampleEntry[] = [];
  const sessions: RecordingSession[] = [];
  const notes: string[] = [...earlier];
  let sample: Sample | null = null;
  let keyframeIndex = -1;
  let lineNumber = 0;
  let endNoted = false;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf(NEWLINE, start);
    const whole = newline >= 0;
    const end = whole ? newline : text.length;
    const next = whole ? newline + 1 : text.length;
    lineNumber++;
    const line = text.toString('utf8', start, end);
    if (sessions.length === 0) {
      const header = firstHeader(name, line, whole);
      if (header === null) throw new RecordingError(`${name} is cut short inside its first line: it holds no sample`);
      sessions.push({ header, firstIndex: 0, count: 0, endReason: null });
      start = next;
      continue;
    }
    const session = sessions[sessions.length - 1];
    try {
      const record = line.trim() === '' ? null : decodeRecord(line);
      if (record?.type === 'header') {
        if (record.version > FORMAT_VERSION) {
          notes.push(`${name}: from line ${lineNumber} on it holds a newer format (version ${record.version}): read up to the sample before it`);
          endNoted = true;
          break;
        }
        sessions.push({ header: record, firstIndex: entries.length, count: 0, endReason: null });
        sample = null;
      } else if (record?.type === 'keyframe') {
        sample = record.sample;
        keyframeIndex = entries.length;
        entries.push({ timeMs: record.timeMs, start, end, keyframeIndex });
        session.count++;
      } else if (record?.type === 'delta') {
        if (sample === null) throw new RecordProblem('a delta with no keyframe before it');
        sample = applyDelta(sample, record);
        entries.push({ timeMs: record.timeMs, start, end, keyframeIndex });
        session.count++;
      } else if (record?.type === 'end') {
        session.endReason = typeof record.reason === 'string' ? record.reason : 'unknown';
        sample = null;
      }
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      if (!whole || next >= text.length) {
        notes.push(`${name} ends in a record cut short (${whole ? error.message : 'no end of line'}): read up to its last whole sample${lastTime(entries)}`);
        endNoted = true;
        break;
      }
      if (text.toString('utf8', next, next + HEADER_START.length) === HEADER_START) {
        notes.push(`${name}: line ${lineNumber} is a record cut short (${error.message}), skipped: another recording was appended after it`);
        sample = null;
      } else {
        notes.push(`${name} is damaged at line ${lineNumber} (${error.message}): read up to the sample before it${lastTime(entries)}`);
        endNoted = true;
        break;
      }
    }
    start = next;
  }
  if (sessions.length === 0) throw new RecordingError(`${name} is empty: it holds no sample`);
  if (!endNoted && sessions[sessions.length - 1].endReason === null) {
    notes.push(`${name} has no end record (the recorder was killed, or is still recording): read up to its last whole sample${lastTime(entries)}`);
  }
  return new Recording(name, text, entries, sessions, notes);
}

/** The first line's header; null when the line is a header cut short. */
function firstHeader(name: string, line: string, whole: boolean) {
  let record: RecordingRecord | null = null;
  try {
    record = decodeRecord(line);
  } catch (error) {
    const cutHeader = !whole && (HEADER_START.startsWith(line) || line.startsWith(HEADER_START));
    if (cutHeader) return null;
    if (line.startsWith(HEADER_START)) throw new RecordingError(`${name} has a damaged header (${(error as Error).message})`);
  }
  if (record?.type !== 'header') throw new RecordingError(`${name} is not a memtop recording (its first line is no ${FORMAT_NAME} header)`);
  if (record.version > FORMAT_VERSION) {
    throw new RecordingError(`${name} is a version ${record.version} recording, newer than this memtop reads (version ${FORMAT_VERSION} and older): read it with a newer memtop`);
  }
  return record;
}

function lastTime(entries: readonly SampleEntry[]): string {
  return entries.length === 0 ? ' (none)' : ` (${new Date(entries[entries.length - 1].timeMs).toISOString()})`;
}
