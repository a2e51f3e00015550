/**
 * The only module that touches the file system for /proc data.
 *
 * Reads go through one reused Buffer with open/read/close: measured on this machine
 * (../shared/bench/README.md) that costs 1.04–1.34× the C reference reader, where readFileSync
 * costs 1.5× and fs.promises 3.4–4.6×. The calls are raw-fs.ts's (Node's fs binding where that is
 * safe, else openSync/readSync/closeSync). The root is a parameter so that tests read fixture
 * trees and a container host's /proc can be read where it is mounted (/host/proc).
 */
import { readdirSync, readlinkSync, statSync, statfsSync } from 'node:fs';
import { closeSync, openSync, readSync } from 'node:fs';
import { rawFs } from './raw-fs.js';

/** Why a read failed, from the errno Node reports (ENOENT, ESRCH, EACCES, EPERM, ...). */
export interface ReadFailure {
  readonly code: string;
  readonly path: string;
}

export type ReadResult = string | ReadFailure;

export function isFailure(result: ReadResult): result is ReadFailure {
  return typeof result !== 'string';
}

/** A process that exited between listing and reading: not an error, just gone from the sample. */
export function isGone(failure: ReadFailure): boolean {
  return failure.code === 'ENOENT' || failure.code === 'ESRCH';
}

/** Refused by the kernel's ptrace-read check (other users' processes, some PIDs in a sandbox). */
export function isDenied(failure: ReadFailure): boolean {
  return failure.code === 'EACCES' || failure.code === 'EPERM';
}

const INITIAL_BUFFER_BYTES = 64 * 1024;
/** PROC_SUPER_MAGIC in include/uapi/linux/magic.h: statfs's type for a procfs mount. */
const PROC_SUPER_MAGIC = 0x9fa0;

export class ProcFs {
  readonly root: string;
  /**
   * True when the root is a procfs mount, where the directory /proc/PID belongs to the process's
   * effective uid (always: the files in it belong to root when the process is non-dumpable or a
   * zombie, the directory does not): the owner ps, htop and smem show, read by a stat of the
   * directory, so status need not be read for it. False for a copy of /proc (fixture trees),
   * whose files belong to whoever copied them.
   */
  readonly filesShowOwner: boolean;
  protected buffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);
  /** Where the last read's bytes are: the reused buffer from 0, or (read-ahead.ts) elsewhere. */
  protected lastBytes: Buffer = this.buffer;
  protected lastStart = 0;

  constructor(root = '/proc') {
    this.root = root.length > 1 && root.endsWith('/') ? root.slice(0, -1) : root;
    this.filesShowOwner = isProcfsMount(this.root);
  }

  /** Reads `${root}/${relPath}` whole, as UTF-8 text, or says why it could not. */
  read(relPath: string): ReadResult {
    return this.readPath(`${this.root}/${relPath}`, false);
  }

  /**
   * Reads a file the kernel produces in one go (single_open: stat, status, statm, smaps_rollup,
   * and cmdline): a short read then means end of file, so a typical read costs one read() call,
   * as in the C reference reader. Multi-record files (smaps, maps) return one page-sized chunk
   * per read() and must go through read().
   */
  readSingle(relPath: string): ReadResult {
    return this.readPath(`${this.root}/${relPath}`, true);
  }

  /** Reads a file outside the proc root (such as /etc/passwd) the same way. */
  readPath(path: string, stopAtShortRead = false): ReadResult {
    const length = this.readBytes(path, stopAtShortRead);
    return typeof length === 'number' ? this.textOf(length) : length;
  }

  /**
   * readSingle without decoding: the file's bytes stay in the reused buffer (see sameBytes,
   * copyBytes, textOf) and the length is returned. The sampler compares a process's stat line
   * with the previous tick's this way, so an idle process costs no string and no parse.
   */
  readSingleBytes(relPath: string): number | ReadFailure {
    return this.readBytes(`${this.root}/${relPath}`, true);
  }

  /** True when the last read's bytes equal `previous`. */
  sameBytes(length: number, previous: Buffer | null): boolean {
    return previous !== null && previous.length === length
      && this.lastBytes.compare(previous, 0, length, this.lastStart, this.lastStart + length) === 0;
  }

  /**
   * A copy of the last read's bytes, kept from tick to tick. Unpooled: a small Buffer.from()
   * lives in an 8 KiB pool slab, and a long-lived copy would keep its whole slab alive, so the
   * slabs of a long run fill with dead neighbours and the RSS creeps up.
   */
  copyBytes(length: number): Buffer {
    const copy = Buffer.allocUnsafeSlow(length);
    this.lastBytes.copy(copy, 0, this.lastStart, this.lastStart + length);
    return copy;
  }

  /** The last read's bytes as UTF-8 text. */
  textOf(length: number): string {
    return this.lastBytes.toString('utf8', this.lastStart, this.lastStart + length);
  }

  protected readBytes(path: string, stopAtShortRead: boolean): number | ReadFailure {
    let fd: number;
    this.lastStart = 0;
    try {
      fd = rawFs.open(path);
    } catch (err) {
      return { code: errorCode(err), path };
    }
    try {
      return this.readAll(fd, stopAtShortRead);
    } catch (err) {
      return { code: errorCode(err), path };
    } finally {
      rawFs.close(fd);
    }
  }

  /** Reads until EOF into the reused buffer, growing it for large files (smaps, long cmdlines). */
  private readAll(fd: number, stopAtShortRead: boolean): number {
    let length = 0;
    for (;;) {
      const room = this.buffer.length - length;
      const n = rawFs.read(fd, this.buffer, length, room);
      length += n;
      if (n === 0 || (stopAtShortRead && n < room)) {
        this.lastBytes = this.buffer;
        return length;
      }
      if (n === room) {
        const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
        this.buffer.copy(bigger, 0, 0, length);
        this.buffer = bigger;
      }
    }
  }

  // --- Chunked reading, for files too large to hold as one string (the smaps of a huge process) ---

  /** readChunks' buffer: the kernel fills a read of smaps with whole records up to its size. */
  private static readonly CHUNK_BYTES = 256 * 1024;
  private chunkBuffer: Buffer | null = null;

  /**
   * Reads `${root}/${relPath}` in chunks into one reused buffer, handing each to `onChunk`
   * (valid only during the call), and returns null at end of file or why the read failed
   * (possibly after some chunks: a process that exits mid-read ends it with ESRCH or early).
   */
  readChunks(relPath: string, onChunk: (chunk: Buffer, length: number) => void): ReadFailure | null {
    const path = `${this.root}/${relPath}`;
    this.chunkBuffer ??= Buffer.allocUnsafeSlow(ProcFs.CHUNK_BYTES);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      return { code: errorCode(err), path };
    }
    try {
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, this.chunkBuffer, 0, this.chunkBuffer.length, null);
        } catch (err) {
          return { code: errorCode(err), path };
        }
        if (n === 0) return null;
        onChunk(this.chunkBuffer, n);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Numeric entries of the root: the PIDs of live processes (threads are hidden by /proc). */
  listPids(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync(this.root)) {
      if (isAllDigits(name)) pids.push(Number(name));
    }
    return pids;
  }

  /** The names in the directory `${root}/${relPath}` ([] when it cannot be listed). */
  listNames(relPath: string): string[] {
    try {
      return readdirSync(`${this.root}/${relPath}`);
    } catch {
      return [];
    }
  }

  /** The PID that `${root}/self` names (the reader, as this root's PID namespace sees it), or null. */
  selfPid(): number | null {
    try {
      const pid = Number(readlinkSync(`${this.root}/self`));
      return Number.isInteger(pid) ? pid : null;
    } catch {
      return null;
    }
  }

  /** The owner uid of `${root}/${relPath}`, or null when it is gone. */
  ownerOf(relPath: string): number | null {
    return rawFs.ownerUid(`${this.root}/${relPath}`);
  }

  /** True when `${root}/${relPath}` exists (used once per run to detect smaps_rollup). */
  exists(relPath: string): boolean {
    try {
      statSync(`${this.root}/${relPath}`);
      return true;
    } catch {
      return false;
    }
  }
}

function isProcfsMount(root: string): boolean {
  try {
    return statfsSync(root).type === PROC_SUPER_MAGIC;
  } catch {
    return false;
  }
}

function isAllDigits(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
