/**
 * The tally of a trace: per syscall the calls, errors and bytes mapped / unmapped, and per stack
 * the net bytes. Bytes come from the arguments (mmap's length, munmap's length, mremap's old and
 * new lengths) of calls that succeeded, and for brk from the returned break values: each move of
 * the break is growth (mapped) or shrinkage (unmapped).
 */
import type { StackFrame, StraceCall } from './strace-parser.js';

export interface SyscallTally {
  name: string;
  calls: number;
  errors: number;
  mappedBytes: number;
  unmappedBytes: number;
}

export interface StackTally {
  /** Outermost frame first, the C library's own frames at the inner end left out. */
  frames: string[];
  calls: number;
  mappedBytes: number;
  unmappedBytes: number;
}

/** The C library and the loader: their innermost frames are the wrappers, not the code that maps. */
const LIBC = /(?:^|\/)(?:libc|libpthread|ld-linux[^/]*|ld-musl[^/]*)(?:[.-][^/]*)?$/;

/** A frame's name: the function, else `[object]` (e.g. a stripped library). */
export function frameName(frame: StackFrame): string {
  if (frame.func !== '') return frame.func;
  if (frame.module === '') return '[unknown]';
  return `[${frame.module.slice(frame.module.lastIndexOf('/') + 1)}]`;
}

/** The stack as the tally keys it: outermost first, the inner C-library frames dropped (one frame kept at least). */
export function stackFrames(stack: readonly StackFrame[]): string[] {
  let inner = 0;
  while (inner < stack.length - 1 && LIBC.test(stack[inner].module)) inner++;
  return stack.slice(inner).map(frameName).reverse();
}

function parseLength(text: string | undefined): number | null {
  if (text === undefined || !/^(?:\d+|0x[0-9a-f]+)$/.test(text)) return null;
  return Number(text);
}

export class TraceTally {
  readonly syscalls = new Map<string, SyscallTally>();
  readonly stacks = new Map<string, StackTally>();
  /** The program break last seen (a brk's return value), or the one read when the trace began. */
  private breakAddress: number | null;
  /** Growth of the break over the trace (negative: it shrank). */
  brkGrowthBytes = 0;
  calls = 0;
  /** Stacks that had any frame (strace -k working). */
  callsWithStack = 0;

  constructor(startBreak: number | null = null) {
    this.breakAddress = startBreak;
  }

  add(call: StraceCall): void {
    this.calls++;
    let entry = this.syscalls.get(call.name);
    if (!entry) {
      entry = { name: call.name, calls: 0, errors: 0, mappedBytes: 0, unmappedBytes: 0 };
      this.syscalls.set(call.name, entry);
    }
    entry.calls++;
    const failed = call.error !== null || call.returnValue === null;
    if (failed) {
      entry.errors++;
      return;
    }
    const { mapped, unmapped } = this.bytesOf(call);
    entry.mappedBytes += mapped;
    entry.unmappedBytes += unmapped;
    if (call.stack.length > 0) this.callsWithStack++;
    if (mapped === 0 && unmapped === 0) return;
    const frames = call.stack.length > 0 ? stackFrames(call.stack) : ['[no stack]'];
    const key = frames.join(';');
    let stack = this.stacks.get(key);
    if (!stack) {
      stack = { frames, calls: 0, mappedBytes: 0, unmappedBytes: 0 };
      this.stacks.set(key, stack);
    }
    stack.calls++;
    stack.mappedBytes += mapped;
    stack.unmappedBytes += unmapped;
  }

  private bytesOf(call: StraceCall): { mapped: number; unmapped: number } {
    const a = call.args;
    switch (call.name) {
      case 'mmap':
      case 'mmap2':
        return { mapped: parseLength(a[1]) ?? 0, unmapped: 0 };
      case 'munmap':
        return { mapped: 0, unmapped: parseLength(a[1]) ?? 0 };
      case 'mremap': {
        const delta = (parseLength(a[2]) ?? 0) - (parseLength(a[1]) ?? 0);
        return delta >= 0 ? { mapped: delta, unmapped: 0 } : { mapped: 0, unmapped: -delta };
      }
      case 'brk': {
        const now = call.returnValue!;
        const before = this.breakAddress;
        this.breakAddress = now;
        if (before === null || a[0] === 'NULL') return { mapped: 0, unmapped: 0 };
        const delta = now - before;
        this.brkGrowthBytes += delta;
        return delta >= 0 ? { mapped: delta, unmapped: 0 } : { mapped: 0, unmapped: -delta };
      }
      default:
        return { mapped: 0, unmapped: 0 };
    }
  }

  get mappedBytes(): number {
    let sum = 0;
    for (const s of this.syscalls.values()) sum += s.mappedBytes;
    return sum;
  }

  get unmappedBytes(): number {
    let sum = 0;
    for (const s of this.syscalls.values()) sum += s.unmappedBytes;
    return sum;
  }

  /** Syscalls by calls, most first. */
  syscallRows(): SyscallTally[] {
    return [...this.syscalls.values()].sort((x, y) => y.calls - x.calls || x.name.localeCompare(y.name));
  }

  /** The `count` stacks with the most net bytes mapped (mapped − unmapped), most first. */
  topStacks(count: number): StackTally[] {
    const net = (s: StackTally) => s.mappedBytes - s.unmappedBytes;
    return [...this.stacks.values()].sort((x, y) => net(y) - net(x) || y.calls - x.calls).slice(0, count);
  }
}
