/**
 * The four file calls the sampler makes per process (open, read, close; a stat of /proc/PID for
 * its owner), made straight into Node's fs binding where this Node's own openSync, readSync,
 * closeSync and statSync do nothing but check their arguments and make that call.
 *
 * Why: the public functions check every argument in JavaScript before the call (paths, flags,
 * modes, offsets, lengths, positions: a dozen small functions). Once the JIT has compiled them
 * that is cheap, but a one-shot report runs them cold, ~10,000 times on each of two threads, and
 * pays for it: measured at 3,000 processes, a thread reading every process's stat, smaps_rollup
 * and cmdline spends 15–31 ms of user time through the public functions and 5–15 ms through the
 * binding; `memtop snapshot --json` takes ~15 ms less (bench/RESULTS.md).
 *
 * The binding is Node's internal API (process.binding, documented as deprecated), so it is used
 * only when everything says it behaves as the public functions rely on: their source text shows
 * the direct call (Node 20 releases before the sync-call rework passed a context object instead
 * of throwing), the binding has the functions, its stat array has the layout fs.Stats is built
 * from (checked against statSync on one directory), and process.binding is not the wrapper that
 * prints a deprecation warning (--pending-deprecation, in any spelling). Otherwise, or when
 * MEMTOP_PUBLIC_FS=1, the public functions. What the kernel refuses throws the same error either
 * way (the same call makes it); arguments the public functions would reject, none of which memtop
 * passes, are refused here before the binding sees them (a failed assertion there aborts the
 * process).
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';

export interface RawFs {
  /** 'binding' or 'fs' (the public functions): which one this process uses. */
  readonly kind: 'binding' | 'fs';
  /** Opens read-only; throws as fs.openSync does (err.code ENOENT, ESRCH, EACCES...). */
  open(path: string): number;
  /** Reads into buffer[offset...offset + length) from the file position; throws as fs.readSync. */
  read(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  close(fd: number): void;
  /** The owner uid of a path, null when it does not exist; throws for other errors. */
  ownerUid(path: string): number | null;
}

/** Node's fs binding, as far as it is used here. */
interface FsBinding {
  open(path: string, flags: number, mode: number): number;
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  close(fd: number): void;
  stat(path: string, bigint: false, request: undefined, throwIfNoEntry: boolean): Float64Array | undefined;
}

// libuv adds O_CLOEXEC to every open on Linux, through either path.
// Indexes in the binding's stat array (lib/internal/fs/utils.js: dev, mode, nlink, uid, gid, rdev, blksize, ino, size).
const STAT_MODE = 1;
const STAT_NLINK = 2;
const STAT_UID = 3;
const STAT_GID = 4;
const STAT_INO = 7;
const STAT_SIZE = 8;
const READ_ONLY = constants.O_RDONLY;

const publicFs: RawFs = {
  kind: 'fs',
  open: (path) => openSync(path, READ_ONLY),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
  ownerUid: (path) => statSync(path, { throwIfNoEntry: false })?.uid ?? null,
};

/**
 * True when process.binding would print a deprecation warning (DEP0111): Node then replaces it
 * with a util.deprecate wrapper (named `deprecated`); the option is also looked for, in both of
 * Node's spellings, for the threads and processes that have not started yet.
 */
function pendingDeprecation(env: NodeJS.ProcessEnv, execArgv: readonly string[]): boolean {
  const asked = (words: readonly string[]) => words.some((w) => w === '--pending-deprecation' || w === '--pending_deprecation');
  return env.NODE_PENDING_DEPRECATION === '1'
    || asked(execArgv)
    || asked((env.NODE_OPTIONS ?? '').split(/\s+/))
    || (process as unknown as { binding?: { name?: string } }).binding?.name === 'deprecated';
}

/** The public functions' source shows each one calling the binding directly, errors thrown. */
export function publicCallsAreDirect(sources: { open: string; read: string; close: string; stat: string }): boolean {
  const direct = (source: string, call: string) => source.includes(`binding.${call}(`) && !/\bctx\b|handleErrorFromBinding/.test(source);
  return direct(sources.open, 'open') && direct(sources.read, 'read') && direct(sources.close, 'close')
    && direct(sources.stat, 'stat') && sources.stat.includes('throwIfNoEntry');
}

function fsBinding(): FsBinding | null {
  try {
    const binding = (process as unknown as { binding(name: string): Partial<FsBinding> }).binding('fs');
    const complete = ['open', 'read', 'close', 'stat'].every((name) => typeof binding[name as keyof FsBinding] === 'function');
    return complete ? binding as FsBinding : null;
  } catch {
    return null;
  }
}

/** The binding's stat of `path` agrees with statSync's: same layout. */
function statLayoutMatches(binding: FsBinding, path: string): boolean {
  try {
    // A copy: the binding hands back one shared array, which statSync then fills in again.
    const returned = binding.stat(path, false, undefined, true);
    const raw = returned === undefined ? undefined : Array.from(returned);
    const stats = statSync(path);
    return raw !== undefined && raw[STAT_MODE] === stats.mode && raw[STAT_NLINK] === stats.nlink && raw[STAT_UID] === stats.uid
      && raw[STAT_GID] === stats.gid && raw[STAT_INO] === stats.ino && raw[STAT_SIZE] === stats.size;
  } catch {
    return false;
  }
}

/** A path the binding takes as the public functions would: no NUL byte (C would cut it there). */
function checkedPath(path: string): string {
  if (typeof path !== 'string' || path.includes('\0')) throw new TypeError(`not a path: ${JSON.stringify(path)}`);
  return path;
}

function checkedFd(fd: number): number {
  if ((fd | 0) !== fd || fd < 0) throw new RangeError(`not a file descriptor: ${fd}`);
  return fd;
}

/** Decides once per thread which calls to use (see above). */
export function chooseRawFs(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): RawFs {
  if (env.MEMTOP_PUBLIC_FS === '1' || pendingDeprecation(env, execArgv)) return publicFs;
  if (!publicCallsAreDirect({ open: openSync.toString(), read: readSync.toString(), close: closeSync.toString(), stat: statSync.toString() })) return publicFs;
  const binding = fsBinding();
  if (binding === null || !statLayoutMatches(binding, '/')) return publicFs;
  // The binding asserts what the public functions check first (a failed assertion aborts the
  // process): the checks that matter for these calls are kept.
  return {
    kind: 'binding',
    open: (path) => binding.open(checkedPath(path), READ_ONLY, 0o666),
    read: (fd, buffer, offset, length) => {
      if (length === 0) return 0;
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || length > 0x7fffffff || offset + length > buffer.byteLength) {
        throw new RangeError(`read of ${length} bytes at ${offset} into ${buffer.byteLength}`);
      }
      return binding.read(checkedFd(fd), buffer, offset, length, -1);
    },
    close: (fd) => binding.close(checkedFd(fd)),
    ownerUid: (path) => {
      const raw = binding.stat(checkedPath(path), false, undefined, false);
      return raw === undefined ? null : raw[STAT_UID];
    },
  };
}

export const rawFs: RawFs = chooseRawFs();
export { publicFs };
