/**
 * Every mapping of one /proc/PID/smaps in columnar form: typed arrays and one table of interned
 * strings, so that 60,000 mappings cost a few MiB and no object each, and the table crosses
 * postMessage as buffers, moved rather than copied. Plain data (no class) for that reason; the
 * functions below read it.
 *
 * The arrays come in chunks of CHUNK_MAPPINGS mappings, each under 128 KiB: glibc's malloc
 * serves such blocks from its heap, where freed memory goes back to the system. A larger block
 * is mmap()ed, and freeing one raises malloc's mmap threshold for good, after which the freed
 * memory of later readings stays in the process: 10 MiB more RSS long after the view closed.
 */
import { parseMapsHeader } from './smaps.js';
import type { SmapsCounters } from './smaps-counters.js';

/** The counters kept per mapping, in this order: the ones memtop shows or sums. */
export const TABLE_COUNTERS = ['Size', 'Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Swap', 'SwapPss', 'Locked', 'Anonymous'] as const;
export type TableCounter = (typeof TABLE_COUNTERS)[number];
export const COUNTER_SLOTS = TABLE_COUNTERS.length;

/** Hex fields per mapping: start, end, offset; each as high and low 32 bits and its digit count. */
export const HEX_FIELDS = 3;
/** Text fields per mapping, ids into `strings`: perms, device, inode, path. */
export const TEXT_FIELDS = 4;

/** Mappings per chunk (2^10): the largest chunk (counters, 88 bytes a mapping) stays under 128 KiB. */
const CHUNK_SHIFT = 10;
export const CHUNK_MAPPINGS = 1 << CHUNK_SHIFT;
const IN_CHUNK = CHUNK_MAPPINGS - 1;

export interface SmapsTable {
  count: number;
  /** Interned perms, devices, inodes (decimal text, exact beyond 2^53) and paths (untrusted). */
  strings: string[];
  /** Per chunk: [startHi, startLo, endHi, endLo, offsetHi, offsetLo] per mapping. */
  hexWords: Uint32Array[];
  /** Per chunk: digits as printed, per hex field (the kernel pads to 8: "%08lx"). */
  hexDigits: Uint8Array[];
  /** Per chunk: [perms, device, inode, path] per mapping, indexes into strings. */
  textIds: Uint32Array[];
  /** Per chunk: TABLE_COUNTERS per mapping, bytes; a missing Size is NaN, any other missing counter 0. */
  counters: Float64Array[];
}

/** Every buffer of the table, to move it with postMessage. */
export function tableBuffers(table: SmapsTable): ArrayBuffer[] {
  return [...table.hexWords, ...table.hexDigits, ...table.textIds, ...table.counters].map((a) => a.buffer as ArrayBuffer);
}

/** Two hex digits per byte value: Number#toString(16) is many times slower (a float conversion). */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex8(word: number): string {
  return BYTE_HEX[word >>> 24] + BYTE_HEX[(word >>> 16) & 255] + BYTE_HEX[(word >>> 8) & 255] + BYTE_HEX[word & 255];
}

/** Hex digits of a 32-bit word without leading zeros (1 for 0). */
function digitsOf(word: number): number {
  return word === 0 ? 1 : Math.ceil((32 - Math.clz32(word)) / 4);
}

/** The hex text of field `field` (0 start, 1 end, 2 offset) of mapping `i`, as the kernel printed it. */
export function hexAt(table: SmapsTable, i: number, field: number): string {
  const j = i & IN_CHUNK;
  const words = table.hexWords[i >>> CHUNK_SHIFT];
  const w = (j * HEX_FIELDS + field) * 2;
  const hi = words[w];
  const lo = words[w + 1];
  const digits = Math.max(hi === 0 ? digitsOf(lo) : 8 + digitsOf(hi), table.hexDigits[i >>> CHUNK_SHIFT][j * HEX_FIELDS + field]);
  return (hex8(hi) + hex8(lo)).slice(16 - digits);
}

/** Compares hex field `field` of mappings a and b exactly (high words first). */
function compareHex(table: SmapsTable, a: number, b: number, field: number): number {
  const ja = a & IN_CHUNK;
  const jb = b & IN_CHUNK;
  const wordsA = table.hexWords[a >>> CHUNK_SHIFT];
  const wordsB = table.hexWords[b >>> CHUNK_SHIFT];
  const wa = (ja * HEX_FIELDS + field) * 2;
  const wb = (jb * HEX_FIELDS + field) * 2;
  return wordsA[wa] - wordsB[wb] || wordsA[wa + 1] - wordsB[wb + 1];
}

/** Orders mappings by start address exactly, as the kernel lists them. */
export function compareStarts(table: SmapsTable, a: number, b: number): number {
  return compareHex(table, a, b, 0);
}

/** Orders mappings by end address exactly. */
export function compareEnds(table: SmapsTable, a: number, b: number): number {
  return compareHex(table, a, b, 1);
}

export function textAt(table: SmapsTable, i: number, field: number): string {
  const j = i & IN_CHUNK;
  return table.strings[table.textIds[i >>> CHUNK_SHIFT][j * TEXT_FIELDS + field]];
}

export function counterAt(table: SmapsTable, i: number, slot: number): number {
  const j = i & IN_CHUNK;
  return table.counters[i >>> CHUNK_SHIFT][j * COUNTER_SLOTS + slot];
}

/** The summed counters of all mappings (Size left out, as smaps_rollup has none). */
export function sumTable(table: SmapsTable): SmapsCounters {
  const total: SmapsCounters = {};
  for (let slot = 1; slot < COUNTER_SLOTS; slot++) {
    let sum = 0;
    for (let i = 0; i < table.count; i++) sum += counterAt(table, i, slot);
    total[TABLE_COUNTERS[slot]] = sum;
  }
  return total;
}

/** Splits lowercase hex text into 32-bit words; null beyond 16 digits (no 64-bit value). */
function hexWordsOf(text: string): [number, number] | null {
  if (text.length > 16) return null;
  const cut = Math.max(0, text.length - 8);
  return [cut === 0 ? 0 : parseInt(text.slice(0, cut), 16), parseInt(text.slice(cut), 16)];
}

/** Builds a table one mapping at a time, a chunk of arrays at a time (nothing is ever copied to grow). */
export class SmapsTableBuilder {
  count = 0;
  private readonly table: SmapsTable = { count: 0, strings: [], hexWords: [], hexDigits: [], textIds: [], counters: [] };
  private hexWords = new Uint32Array(0);
  private hexDigits = new Uint8Array(0);
  private textIds = new Uint32Array(0);
  private counters = new Float64Array(0);
  private readonly ids = new Map<string, number>();

  /** Starts a mapping from its header line; false (nothing added) when the line is no header. */
  addHeader(line: string): boolean {
    const header = parseMapsHeader(line);
    if (header === null) return false;
    const start = hexWordsOf(header.start);
    const end = hexWordsOf(header.end);
    const offset = hexWordsOf(header.offset);
    if (start === null || end === null || offset === null) return false;
    const j = this.count & IN_CHUNK;
    if (j === 0) this.newChunk();
    this.count++;
    const w = j * HEX_FIELDS * 2;
    this.hexWords[w] = start[0];
    this.hexWords[w + 1] = start[1];
    this.hexWords[w + 2] = end[0];
    this.hexWords[w + 3] = end[1];
    this.hexWords[w + 4] = offset[0];
    this.hexWords[w + 5] = offset[1];
    const d = j * HEX_FIELDS;
    this.hexDigits[d] = header.start.length;
    this.hexDigits[d + 1] = header.end.length;
    this.hexDigits[d + 2] = header.offset.length;
    const t = j * TEXT_FIELDS;
    this.textIds[t] = this.intern(header.perms);
    this.textIds[t + 1] = this.intern(header.device);
    this.textIds[t + 2] = this.intern(header.inode);
    this.textIds[t + 3] = this.intern(header.path);
    this.counters[j * COUNTER_SLOTS] = NaN; // Size unknown until its line; the rest start at 0
    return true;
  }

  /** Sets a counter of the latest mapping (ignored before the first header). */
  setCounter(slot: number, bytes: number): void {
    if (this.count > 0) this.counters[((this.count - 1) & IN_CHUNK) * COUNTER_SLOTS + slot] = bytes;
  }

  /** The table; its last chunk cut to the mappings it holds (a view would move its whole buffer). */
  finish(): SmapsTable {
    const table = this.table;
    const used = this.count & IN_CHUNK;
    if (used > 0) {
      const last = table.hexWords.length - 1;
      table.hexWords[last] = this.hexWords.slice(0, used * HEX_FIELDS * 2);
      table.hexDigits[last] = this.hexDigits.slice(0, used * HEX_FIELDS);
      table.textIds[last] = this.textIds.slice(0, used * TEXT_FIELDS);
      table.counters[last] = this.counters.slice(0, used * COUNTER_SLOTS);
    }
    table.count = this.count;
    return table;
  }

  private newChunk(): void {
    this.hexWords = new Uint32Array(CHUNK_MAPPINGS * HEX_FIELDS * 2);
    this.hexDigits = new Uint8Array(CHUNK_MAPPINGS * HEX_FIELDS);
    this.textIds = new Uint32Array(CHUNK_MAPPINGS * TEXT_FIELDS);
    this.counters = new Float64Array(CHUNK_MAPPINGS * COUNTER_SLOTS);
    this.table.hexWords.push(this.hexWords);
    this.table.hexDigits.push(this.hexDigits);
    this.table.textIds.push(this.textIds);
    this.table.counters.push(this.counters);
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.table.strings.length;
      this.table.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}
