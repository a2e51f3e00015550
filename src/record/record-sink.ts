/**
 * Where a recording's bytes go: a file, plain or gzip, or a stream (standard output). A sink
 * writes each record with one write() call, so a file cut anywhere holds whole records and at
 * most one piece of a record at its end. A gzip sink flushes the compressor after each record
 * (a sync flush: the bytes up to it decompress without the rest) and writes what came out at
 * once; ending it closes the gzip member, so appending adds another member (valid gzip).
 */
import { closeSync, writeSync } from 'node:fs';
import { constants, createGzip, gzipSync, type Gzip } from 'node:zlib';
import { crc32 } from './crc32.js';

export interface RecordSink {
  /** Bytes in the file so far (what was there before, and what this sink wrote). */
  readonly sizeBytes: number;
  /** Writes `line` unless the file would then pass `maxBytes`: false, and nothing written. */
  write(line: string, maxBytes?: number): Promise<boolean>;
  /** Writes `last` (whatever the size), flushes and closes (a gzip sink writes its member's end). */
  end(last: string | null): Promise<void>;
}

/** Writes all of `data` to `fd`: one write() call unless the kernel takes less (a full disk: the next call throws). */
function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done);
}

export class PlainFileSink implements RecordSink {
  constructor(private readonly fd: number, public sizeBytes: number) {}

  async write(line: string, maxBytes = Infinity): Promise<boolean> {
    const data = Buffer.from(line);
    if (this.sizeBytes + data.length > maxBytes) return false;
    this.sizeBytes += data.length; // counted first: a failed write may have put part of it there
    writeAll(this.fd, data);
    return true;
  }

  async end(last: string | null): Promise<void> {
    try {
      if (last !== null) await this.write(last);
    } finally {
      closeSync(this.fd);
    }
  }
}

/** An empty final deflate block (fixed Huffman, end of block), after a sync flush left the stream on a byte boundary. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export class GzipFileSink implements RecordSink {
  private readonly gzip: Gzip = createGzip();
  private pending: Buffer[] = [];
  /** Some of this member is in the file. */
  private started = false;
  /** The compressor holds a record that was not written: the member is ended by hand. */
  private abandoned = false;
  /** A write failed (a full disk): the member is cut there, and nothing more may follow it. */
  private failed = false;
  /** CRC and length of the text written in this member (its trailer). */
  private crc = 0;
  private textBytes = 0;

  constructor(private readonly fd: number, public sizeBytes: number) {
    this.gzip.on('data', (chunk: Buffer) => this.pending.push(chunk));
  }

  async write(line: string, maxBytes = Infinity): Promise<boolean> {
    if (this.abandoned || this.failed) return false;
    const text = Buffer.from(line);
    this.gzip.write(text);
    await new Promise<void>((resolve) => this.gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    const data = this.take();
    if (this.sizeBytes + data.length > maxBytes) {
      this.abandoned = true;
      return false;
    }
    this.crc = crc32(text, this.crc);
    this.textBytes += text.length;
    this.put(data);
    return true;
  }

  async end(last: string | null): Promise<void> {
    try {
      // After a failed write the file ends in a piece of a record: it reads up to the record before.
      if (this.failed) return;
      if (this.abandoned) {
        // The member ends after the last record written; `last` goes in a member of its own.
        if (this.started) this.put(Buffer.concat([FINAL_EMPTY_BLOCK, this.trailer(), last === null ? Buffer.alloc(0) : gzipSync(last)]));
        else if (last !== null) this.put(gzipSync(last));
        return;
      }
      const ended = new Promise<void>((resolve, reject) => {
        this.gzip.once('end', resolve);
        this.gzip.once('error', reject);
      });
      this.gzip.end(last ?? undefined);
      await ended;
      if (this.started || last !== null) this.put(this.take());
    } finally {
      closeSync(this.fd);
    }
  }

  private take(): Buffer {
    const data = Buffer.concat(this.pending);
    this.pending = [];
    return data;
  }

  private put(data: Buffer): void {
    this.started = true;
    this.sizeBytes += data.length;
    try {
      writeAll(this.fd, data);
    } catch (error) {
      this.failed = true;
      throw error;
    }
  }

  private trailer(): Buffer {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(this.crc, 0);
    trailer.writeUInt32LE(this.textBytes % 2 ** 32, 4);
    return trailer;
  }
}

/** Standard output (`-o -`): plain NDJSON. */
export class StreamSink implements RecordSink {
  sizeBytes = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(line: string, maxBytes = Infinity): Promise<boolean> {
    const bytes = Buffer.byteLength(line);
    if (this.sizeBytes + bytes > maxBytes) return false;
    this.sizeBytes += bytes;
    await new Promise<void>((resolve, reject) => this.stream.write(line, (error) => (error ? reject(error) : resolve())));
    return true;
  }

  async end(last: string | null): Promise<void> {
    if (last !== null) await this.write(last);
  }
}
