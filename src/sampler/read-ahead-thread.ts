/**
 * The read-ahead thread's whole code: it claims PIDs from the front of the list and reads their
 * files, raw, into the shared ring (read-ahead-layout.ts), while the sampler parses what it has
 * read. It does no parsing, so it needs no module but node:fs and starts as fast as a thread can.
 *
 * This function is sent to the thread as text (see read-ahead.ts): it must use nothing but its
 * parameters.
 */
import type { ReadAheadShared } from './read-ahead-layout.js';

interface Require {
  (id: 'node:fs'): typeof import('node:fs');
  (id: 'node:v8'): typeof import('node:v8');
}

/** The calls of raw-fs.ts's binding path (the thread cannot import it). */
interface FsBinding {
  open(path: string, flags: number, mode: number): number;
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  close(fd: number): void;
  stat(path: string, bigint: false, request: undefined, throwIfNoEntry: boolean): Float64Array | undefined;
}

export function readAheadThread(require: Require, shared: ReadAheadShared): void {
  // The creator's V8 flags, some of which Node put back while starting this thread (v8-flags.ts);
  // then any flag the creator left to this thread to set once it runs (ReadAhead.spawn).
  if (shared.v8Flags.length > 0) for (const flag of shared.v8Flags) require('node:v8').setFlagsFromString(flag);
  Atomics.store(shared.control, shared.layout.FLAGS_SET, 1);
  // Node's fs binding when the creating thread found it safe (raw-fs.ts), else the public calls.
  const fs = require('node:fs');
  const binding = shared.fsBinding ? (process as unknown as { binding(name: 'fs'): FsBinding }).binding('fs') : null;
  const open = binding !== null ? (path: string) => binding.open(path, 0, 0o666) : (path: string) => fs.openSync(path, 0);
  const read = binding !== null
    ? (fd: number, into: Uint8Array, offset: number, length: number) => binding.read(fd, into, offset, length, -1)
    : (fd: number, into: Uint8Array, offset: number, length: number) => fs.readSync(fd, into, offset, length, null);
  const close = binding !== null ? (fd: number) => binding.close(fd) : (fd: number) => fs.closeSync(fd);
  // The owner uid (index 3 of the binding's stat array, as raw-fs.ts checked), or -1 when gone.
  const ownerUid = binding !== null
    ? (path: string) => binding.stat(path, false, undefined, false)?.[3] ?? -1
    : (path: string) => fs.statSync(path, { throwIfNoEntry: false })?.uid ?? -1;
  const { layout: L, root, pids, states, places, owners, control } = shared;
  // The list may come after the thread started (ReadAhead.spawn, then publish).
  while (Atomics.load(control, L.COUNT) < 0) {
    if (Atomics.load(control, L.STOP) !== 0) return;
    Atomics.wait(control, L.COUNT, -1, 100);
  }
  const count = Atomics.load(control, L.COUNT);
  const planFlags = Atomics.load(control, L.PLAN);
  const plan = { rollup: (planFlags & L.PLAN_ROLLUP) !== 0, statusAlways: (planFlags & L.PLAN_STATUS_ALWAYS) !== 0 };
  const ring = new Uint8Array(shared.ring);
  const fileCount = L.FILES.length;
  const noAddressSpace = -2 - L.ERRORS.indexOf('ESRCH');
  let at = 0;
  let slotEnd = 0;

  const errorLength = (err: unknown): number => {
    const index = L.ERRORS.indexOf((err as { code?: string }).code ?? '');
    return -2 - (index < 0 ? L.ERRORS.length - 1 : index);
  };

  /** Reads one file into the entry's slot; returns the length, NOT_READ or an error length. */
  const readFile = (entry: number, file: number): number => {
    const place = (entry * fileCount + file) * 2;
    let fd: number;
    try {
      fd = open(`${root}/${pids[entry]}/${L.FILES[file]}`);
    } catch (err) {
      places[place + 1] = errorLength(err);
      return places[place + 1];
    }
    try {
      const room = slotEnd - at;
      // A file the slot cannot hold whole is left to the sampler. (room > 0 and at + room within
      // the ring: the binding asserts both.)
      const length = room > 0 ? read(fd, ring, at, room) : room;
      if (length >= room) {
        places[place + 1] = L.NOT_READ;
      } else {
        places[place] = at;
        places[place + 1] = length;
        at += length;
      }
    } catch (err) {
      places[place + 1] = errorLength(err);
    } finally {
      close(fd);
    }
    return places[place + 1];
  };

  for (let entry = 0; entry < count; entry++) {
    // The slot of this entry is free once the sampler has passed the entry SLOTS before it.
    for (;;) {
      if (Atomics.load(control, L.STOP) !== 0) return;
      const consumed = Atomics.load(control, L.CONSUMED);
      if (consumed > entry - L.SLOTS) break;
      Atomics.wait(control, L.CONSUMED, consumed, 100);
    }
    if (Atomics.compareExchange(states, entry, L.FREE, L.READING) !== L.FREE) continue;
    at = (entry % L.SLOTS) * L.SLOT_BYTES;
    slotEnd = at + L.SLOT_BYTES;
    owners[entry] = -1;
    for (let file = 0; file < fileCount; file++) places[(entry * fileCount + file) * 2 + 1] = L.NOT_READ;
    if (readFile(entry, L.STAT) >= 0) {
      // The owner of /proc/PID: the process's effective uid (ProcFs.filesShowOwner).
      owners[entry] = ownerUid(`${root}/${pids[entry]}`);
      const rollup = plan.rollup ? readFile(entry, L.ROLLUP) : L.NOT_READ;
      // Where the rollup was refused the sampler wants status (RSS, SHR and swap from it); ESRCH
      // means no address space (a kernel thread), which needs none.
      if (plan.statusAlways || (rollup < L.NOT_READ && rollup !== noAddressSpace)) readFile(entry, L.STATUS);
      // Last: the one file whose size has no bound gets the room that is left.
      readFile(entry, L.CMDLINE);
    }
    Atomics.store(states, entry, L.DONE);
    Atomics.notify(states, entry);
  }
}
