/**
 * The only module that touches the file system for /proc data. Reads go through one reused
 * Buffer with fs.openSync/readSync/closeSync, or, for a file re-read every tick on a procfs mount,
 * one pread on a held descriptor (readHeldBytes; bench/RESULTS.md has the figures). The root is a
 * parameter, so tests read fixture trees and a host's /proc can be read at /host/proc.
 *
 * Every read is capped (a per-kind maximum), and opened with O_NONBLOCK: a root that is not a
 * procfs mount (a copy, a --proc DIR) may hold a FIFO or a link to a device where a proc file
 * should be, and those are refused (EFTYPE) after an fstat instead of blocking or growing without
 * bound. Links are followed (a copy of /proc may hold links to regular files): the fstat judges
 * the file actually opened.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, readlinkSync, statSync, statfsSync } from 'node:fs';

/** Why a read failed, from the errno Node reports (ENOENT, ESRCH, EACCES, EPERM, ...). */
export interface ReadFailure {
  /** An errno name; EFTYPE: not a regular file (refused); EFBIG: larger than the read's cap. */
  readonly code: string;
  readonly path: string;
}

export type ReadResult = string | ReadFailure;

/** A read whose text may have been cut at its cap (a command line). */
export interface PrefixRead {
  readonly text: string;
  /** The file went on past the cap. */
  readonly cut: boolean;
}

export function isFailure<T>(result: T | ReadFailure): result is ReadFailure {
  return typeof result === 'object' && result !== null && 'code' in result && 'path' in result;
}

/** A process that exited between listing and reading: not an error, just gone from the sample. */
export function isGone(failure: ReadFailure): boolean {
  return failure.code === 'ENOENT' || failure.code === 'ESRCH';
}

/** Refused by the kernel's ptrace-read check (other users' processes, some PIDs in a sandbox). */
export function isDenied(failure: ReadFailure): boolean {
  return failure.code === 'EACCES' || failure.code === 'EPERM';
}

/** The file is there but memtop will not read it: not a regular file, or beyond its cap. */
export function isRefusedFile(failure: ReadFailure): boolean {
  return failure.code === 'EFTYPE' || failure.code === 'EFBIG';
}

/** Why, for a person: "not a regular file (refused)", or the errno name. */
export function failureReason(failure: ReadFailure): string {
  return failure.code === 'EFTYPE' ? 'not a regular file (refused)'
    : failure.code === 'EFBIG' ? 'larger than memtop reads (refused)'
    : failure.code;
}

/** One line for a person: "PATH: not a regular file (refused)". */
export function failureText(failure: ReadFailure): string {
  return `${failure.path}: ${failureReason(failure)}`;
}

/** Caps per kind of read. A whole-file read (smaps of a huge process) may be large. */
export const SINGLE_READ_MAX_BYTES = 1024 * 1024;
export const WHOLE_READ_MAX_BYTES = 512 * 1024 * 1024;

/** Descriptors given back, and left for other reads, when held ones exhaust the process's limit. */
const HELD_HEADROOM = 64;

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Opens of each file name (the last path component: "stat", "smaps_rollup", ...): tests count reads. */
export type OpenCounts = Map<string, number>;

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
  /** The files of a procfs mount are regular by construction: only other roots pay an fstat per open. */
  private readonly checkFileType: boolean;
  /** Opens per file name, counted when set (tests: which files a tick read). */
  openCounts: OpenCounts | null = null;
  private buffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);
  /** Descriptors kept open by readHeldBytes, by path relative to the root. */
  private readonly held = new Map<string, number>();
  /** Lowered when the process ran out of descriptors. */
  private heldMax = Infinity;

  constructor(root = '/proc') {
    this.root = root.length > 1 && root.endsWith('/') ? root.slice(0, -1) : root;
    this.filesShowOwner = isProcfsMount(this.root);
    this.checkFileType = !this.filesShowOwner;
  }

  /** Reads `${root}/${relPath}` whole (up to `maxBytes`), as UTF-8 text, or says why it could not. */
  read(relPath: string, maxBytes = WHOLE_READ_MAX_BYTES): ReadResult {
    return this.readPath(`${this.root}/${relPath}`, false, maxBytes);
  }

  /**
   * Reads a file the kernel produces in one go (single_open: stat, status, statm, smaps_rollup,
   * and cmdline): a short read then means end of file, so a typical read costs one read() call.
   * Multi-record files (smaps, maps) return one page-sized chunk per read() and must go through
   * read().
   */
  readSingle(relPath: string, maxBytes = SINGLE_READ_MAX_BYTES): ReadResult {
    return this.readPath(`${this.root}/${relPath}`, true, maxBytes);
  }

  /** At most `maxBytes` of a single-open file, and whether it went on (a command line). */
  readPrefix(relPath: string, maxBytes: number): PrefixRead | ReadFailure {
    const length = this.readBytes(`${this.root}/${relPath}`, true, maxBytes, true);
    if (typeof length !== 'number') return length;
    const cut = length > maxBytes;
    return { text: this.textOf(cut ? maxBytes : length), cut };
  }

  /** Reads a file outside the proc root (such as /etc/passwd) the same way. */
  readPath(path: string, stopAtShortRead = false, maxBytes = WHOLE_READ_MAX_BYTES): ReadResult {
    const length = this.readBytes(path, stopAtShortRead, maxBytes, false);
    return typeof length === 'number' ? this.textOf(length) : length;
  }

  /**
   * readSingle without decoding: the file's bytes stay in the reused buffer (see sameBytes,
   * copyBytes, textOf) and the length is returned. The sampler compares a process's stat line
   * with the previous tick's this way, so an idle process costs no string and no parse.
   */
  readSingleBytes(relPath: string, maxBytes = SINGLE_READ_MAX_BYTES): number | ReadFailure {
    return this.readBytes(`${this.root}/${relPath}`, true, maxBytes, false);
  }

  /**
   * readSingleBytes for a file read again and again (a process's stat, every tick): its descriptor
   * is kept open and each read is one pread at offset 0, which the kernel answers with fresh
   * contents, saving the open and close. A held descriptor keeps naming the process it was opened
   * for: once that process is gone the read fails (ESRCH), also when its PID has been reused.
   * When the process runs out of descriptors (EMFILE), HELD_HEADROOM of the held ones are let go
   * and no more are ever held, so other reads still get one; files beyond that are read the plain
   * way. So they always are on a
   * root that is not a procfs mount, where a held descriptor would keep reading a file since
   * removed or replaced.
   */
  readHeldBytes(relPath: string, maxBytes = SINGLE_READ_MAX_BYTES): number | ReadFailure {
    if (this.checkFileType) return this.readSingleBytes(relPath, maxBytes);
    let fd = this.held.get(relPath);
    if (fd === undefined && this.held.size >= this.heldMax) return this.readSingleBytes(relPath, maxBytes);
    if (fd === undefined) {
      const path = `${this.root}/${relPath}`;
      try {
        fd = openSync(path, OPEN_FLAGS);
      } catch (err) {
        const code = errorCode(err);
        if (code !== 'EMFILE' && code !== 'ENFILE') return { code, path };
        this.heldMax = Math.max(0, this.held.size - HELD_HEADROOM);
        for (const name of [...this.held.keys()].slice(this.heldMax)) this.release(name);
        return this.readSingleBytes(relPath, maxBytes);
      }
      if (this.openCounts !== null) countOpen(this.openCounts, path);
      this.held.set(relPath, fd);
    }
    try {
      const room = Math.min(this.buffer.length, maxBytes + 1);
      const length = readSync(fd, this.buffer, 0, room, 0);
      if (length < room) return length;
    } catch (err) {
      this.release(relPath);
      return { code: errorCode(err), path: `${this.root}/${relPath}` };
    }
    // Larger than one buffer: not a stat line; read the plain way, which grows the buffer or refuses.
    this.release(relPath);
    return this.readSingleBytes(relPath, maxBytes);
  }

  /** Closes the descriptor readHeldBytes keeps for this file, if any. */
  release(relPath: string): void {
    const fd = this.held.get(relPath);
    if (fd === undefined) return;
    this.held.delete(relPath);
    closeSync(fd);
  }

  /** How many descriptors readHeldBytes keeps open. */
  get heldCount(): number {
    return this.held.size;
  }

  /** True when the last read's bytes equal `previous`. */
  sameBytes(length: number, previous: Buffer | null): boolean {
    return previous !== null && previous.length === length && this.buffer.compare(previous, 0, length, 0, length) === 0;
  }

  /**
   * A copy of the last read's bytes, kept from tick to tick. Unpooled: a small Buffer.from()
   * lives in an 8 KiB pool slab, and a long-lived copy would keep its whole slab alive.
   */
  copyBytes(length: number): Buffer {
    const copy = Buffer.allocUnsafeSlow(length);
    this.buffer.copy(copy, 0, 0, length);
    return copy;
  }

  /** The last read's bytes as UTF-8 text. */
  textOf(length: number): string {
    return this.buffer.toString('utf8', 0, length);
  }

  /**
   * The file's length in the buffer; past `maxBytes` an EFBIG failure, or with `keepPrefix`
   * maxBytes + 1 (the prefix is in the buffer, and the caller knows it was cut).
   */
  private readBytes(path: string, stopAtShortRead: boolean, maxBytes: number, keepPrefix: boolean): number | ReadFailure {
    let fd: number;
    try {
      fd = openSync(path, OPEN_FLAGS);
    } catch (err) {
      return { code: errorCode(err), path };
    }
    if (this.openCounts !== null) countOpen(this.openCounts, path);
    try {
      if (this.checkFileType && !fstatSync(fd).isFile()) return { code: 'EFTYPE', path };
      const length = this.readAll(fd, stopAtShortRead, maxBytes + 1);
      return length > maxBytes && !keepPrefix ? { code: 'EFBIG', path } : length;
    } catch (err) {
      return { code: errorCode(err), path };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads until EOF or `limit` bytes into the reused buffer, growing it for large files (smaps). */
  private readAll(fd: number, stopAtShortRead: boolean, limit: number): number {
    let length = 0;
    for (;;) {
      if (length === this.buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, Math.max(limit, this.buffer.length + 1)));
        this.buffer.copy(bigger, 0, 0, length);
        this.buffer = bigger;
      }
      const room = Math.min(this.buffer.length, limit) - length;
      const n = readSync(fd, this.buffer, length, room, null);
      length += n;
      if (n === 0 || length >= limit || (stopAtShortRead && n < room)) return length;
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
    return statSync(`${this.root}/${relPath}`, { throwIfNoEntry: false })?.uid ?? null;
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

function countOpen(counts: OpenCounts, path: string): void {
  const name = path.slice(path.lastIndexOf('/') + 1);
  counts.set(name, (counts.get(name) ?? 0) + 1);
}
