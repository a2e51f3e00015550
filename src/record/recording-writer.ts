/**
 * Opens where a recording goes and writes its records: a new file, an existing recording to
 * append to (its header checked first: a file that is not a recording, or of a newer format, is
 * refused and left as it was), or standard output (`-`). Gzip when the name ends in .gz.
 * --max-size: a record that would take the file past the limit is not written; room for the
 * end record is kept, so a full recording still ends cleanly.
 */
import { existsSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { readRecording } from './recording-text.js';
import { gunzipText, isGzip } from './open-recording.js';
import { encodeRecord, type EndRecord, type RecordingRecord } from './record-format.js';
import { GzipFileSink, PlainFileSink, StreamSink, type RecordSink } from './record-sink.js';
import { errnoText, RecordingError } from './recording-error.js';

/** Room kept for the end record. */
const END_RESERVE_BYTES = 256;

export interface WriterOptions {
  maxSizeBytes?: number;
  /** Where `-` writes (default: standard output). */
  stdout?: NodeJS.WritableStream;
}

export class RecordingWriter {
  private wroteAny = false;
  /** Written before the first record: a newline that ends a record cut short at the end of the file appended to. */
  private lead: string;

  private constructor(
    /** The path, or "-" for standard output. */
    readonly target: string,
    private readonly sink: RecordSink,
    /** The file held a recording already: this one is appended to it. */
    readonly appending: boolean,
    lead: string,
    private readonly created: boolean,
    private readonly maxSizeBytes: number | undefined,
  ) {
    this.lead = lead;
  }

  static open(target: string, options: WriterOptions = {}): RecordingWriter {
    if (target === '-') return new RecordingWriter(target, new StreamSink(options.stdout ?? process.stdout), false, '', false, options.maxSizeBytes);
    const gzip = target.endsWith('.gz');
    const existing = existingBytes(target);
    let lead = '';
    if (existing !== null && existing.length > 0) lead = checkAppendable(target, existing, gzip);
    const created = !existsSync(target);
    let fd: number;
    try {
      fd = openSync(target, 'a');
    } catch (error) {
      throw new RecordingError(`cannot write ${target}: ${errnoText(error)}`);
    }
    const size = existing?.length ?? 0;
    if (options.maxSizeBytes !== undefined && size + END_RESERVE_BYTES > options.maxSizeBytes) {
      throw new RecordingError(`${target} holds ${size} bytes already: no room for more within --max-size ${options.maxSizeBytes}`);
    }
    const sink = gzip ? new GzipFileSink(fd, size) : new PlainFileSink(fd, size);
    return new RecordingWriter(target, sink, size > 0, lead, created, options.maxSizeBytes);
  }

  get sizeBytes(): number {
    return this.sink.sizeBytes;
  }

  /** Writes records, with one write; false (and nothing written) when they might not fit within --max-size. */
  async write(...records: RecordingRecord[]): Promise<boolean> {
    const line = this.lead + records.map(encodeRecord).join('');
    let written = false;
    await this.guard(async () => { written = await this.sink.write(line, (this.maxSizeBytes ?? Infinity) - END_RESERVE_BYTES); });
    if (!written) return false;
    this.lead = '';
    this.wroteAny = true;
    return true;
  }

  /** Writes the end record (when any record was written) and closes the file; a new file left empty is removed. */
  async close(end: EndRecord | null): Promise<void> {
    await this.guard(() => this.sink.end(end !== null && this.wroteAny ? encodeRecord(end) : null));
    if (!this.wroteAny && this.created && this.target !== '-') {
      try {
        unlinkSync(this.target);
      } catch {
        // gone already: nothing to tidy
      }
    }
  }

  private async guard(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      throw new RecordingError(`cannot write ${this.target}: ${errnoText(error)}`);
    }
  }
}

/** The file's bytes, or null when there is no such file or it is no regular file (a pipe, a device: written to as it is). */
function existingBytes(target: string): Buffer | null {
  try {
    const stat = statSync(target);
    if (stat.isDirectory()) throw new RecordingError(`cannot write ${target}: is a directory`);
    if (!stat.isFile()) return null;
    return readFileSync(target);
  } catch (error) {
    if (error instanceof RecordingError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new RecordingError(`cannot write ${target}: ${errnoText(error)}`);
  }
}

/**
 * Checks that a file can take another session; returns what to write before it (a newline when
 * the file ends in a record cut short). A gzip file cut short cannot: a member appended after a
 * cut one would not decompress.
 */
function checkAppendable(target: string, data: Buffer, gzipName: boolean): string {
  const refuse = (why: string) => new RecordingError(`will not append to ${target}: ${why}; record into another file`);
  if (gzipName !== isGzip(data)) throw refuse(gzipName ? 'its name ends in .gz but it is not gzip' : 'it is gzip but its name does not end in .gz');
  let text = data;
  if (gzipName) {
    const read = gunzipText(target, data);
    if (read.cut) throw refuse('its gzip stream is cut short (the recorder was stopped mid-write); it still reads back');
    text = read.text;
  }
  try {
    readRecording(target, text);
  } catch (error) {
    throw refuse(error instanceof Error ? error.message.replace(`${target} `, 'it ') : String(error));
  }
  return text.length > 0 && text[text.length - 1] !== 0x0a ? '\n' : '';
}
