/**
 * openRecording(path): loads a recording file, plain NDJSON or gzip (told by its first bytes,
 * whatever its name), and reads it (recording-text.ts). A gzip stream cut short (the recorder
 * killed) gives what it holds up to the cut, with a note.
 */
import { readFileSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { Recording } from './recording.js';
import { readRecording } from './recording-text.js';
import { errnoText, RecordingError } from './recording-error.js';

export function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

export function openRecording(path: string): Recording {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new RecordingError(`cannot read ${path}: ${errnoText(error)}`);
  }
  if (!isGzip(data)) return readRecording(path, data);
  const { text, cut } = gunzipText(path, data);
  return readRecording(path, text, cut ? [`${path}: its gzip stream is cut short (the recorder was stopped mid-write)`] : []);
}

/** The decompressed text; `cut` when the stream ends before its end (read as far as it goes). */
export function gunzipText(path: string, data: Buffer): { text: Buffer; cut: boolean } {
  try {
    return { text: gunzipSync(data), cut: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') {
      throw new RecordingError(`${path}: its gzip data is damaged (${errnoText(error)})`);
    }
  }
  try {
    return { text: gunzipSync(data, { finishFlush: constants.Z_SYNC_FLUSH }), cut: true };
  } catch (error) {
    throw new RecordingError(`${path}: its gzip data is damaged (${errnoText(error)})`);
  }
}
