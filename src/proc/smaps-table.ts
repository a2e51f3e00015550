/**
 * Every mapping of one /proc/PID/smaps in columnar form: a few typed arrays and one table of
 * interned strings, so that 60,000 mappings cost a few MiB and no object each, and the whole
 * table crosses postMessage as a handful of buffers. Plain data (no class) for that reason;
 * the functions below read it.
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

export interface SmapsTable {
  count: number;
  /** Interned perms, devices, inodes (decimal text, exact beyond 2^53) and paths (untrusted). */
  strings: string[];
  /** [startHi, startLo, endHi, endLo, offsetHi, offsetLo] per mapping. */
  hexWords: Uint32Array;
  /** Digits as printed, per hex field: the kernel pads to 8 ("%08lx"). */
  hexDigits: Uint8Array;
  /** [perms, device, inode, path] per mapping, indexes into strings. */
  textIds: Uint32Array;
  /** TABLE_COUNTERS per mapping, bytes; a missing Size is NaN, any other missing counter 0. */
  counters: Float64Array;
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
  const w = (i * HEX_FIELDS + field) * 2;
  const hi = table.hexWords[w];
  const lo = table.hexWords[w + 1];
  const digits = Math.max(hi === 0 ? digitsOf(lo) : 8 + digitsOf(hi), table.hexDigits[i * HEX_FIELDS + field]);
  return (hex8(hi) + hex8(lo)).slice(16 - digits);
}

/** The value of hex field `field` of mapping `i` (exact below 2^53; addresses compare by it). */
export function hexValueAt(table: SmapsTable, i: number, field: number): number {
  const w = (i * HEX_FIELDS + field) * 2;
  return table.hexWords[w] * 0x1_0000_0000 + table.hexWords[w + 1];
}

/** Orders mappings by start address exactly (high words first), as the kernel lists them. */
export function compareStarts(table: SmapsTable, a: number, b: number): number {
  const words = table.hexWords;
  const wa = a * HEX_FIELDS * 2;
  const wb = b * HEX_FIELDS * 2;
  return words[wa] - words[wb] || words[wa + 1] - words[wb + 1];
}

/** Orders mappings by end address exactly. */
export function compareEnds(table: SmapsTable, a: number, b: number): number {
  const words = table.hexWords;
  const wa = a * HEX_FIELDS * 2 + 2;
  const wb = b * HEX_FIELDS * 2 + 2;
  return words[wa] - words[wb] || words[wa + 1] - words[wb + 1];
}

export function textAt(table: SmapsTable, i: number, field: number): string {
  return table.strings[table.textIds[i * TEXT_FIELDS + field]];
}

export function counterAt(table: SmapsTable, i: number, slot: number): number {
  return table.counters[i * COUNTER_SLOTS + slot];
}

/** The summed counters of all mappings (Size left out, as smaps_rollup has none). */
export function sumTable(table: SmapsTable): SmapsCounters {
  const total: SmapsCounters = {};
  for (let slot = 1; slot < COUNTER_SLOTS; slot++) {
    let sum = 0;
    for (let i = 0; i < table.count; i++) sum += table.counters[i * COUNTER_SLOTS + slot];
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

/**
 * Past SMALL_BYTES an array is allocated at BIG_BYTES or more, never in between. glibc's malloc
 * serves blocks over 128 KiB with mmap, and freeing one of up to 32 MiB raises its mmap and
 * trim thresholds for good, after which a malloc heap keeps what is freed into it: the RSS
 * stayed up long after the Mappings view of a huge process closed (bench/RESULTS.md). A block
 * over 32 MiB leaves them alone, and costs RSS only for the pages written.
 */
const SMALL_BYTES = 128 * 1024;
const BIG_BYTES = 33 * 1024 * 1024;

/** Builds a table one mapping at a time, in growing buffers. */
export class SmapsTableBuilder {
  count = 0;
  /** Mappings that fit in every array. */
  private capacity = 256;
  private hexWords = new Uint32Array(this.capacity * HEX_FIELDS * 2);
  private hexDigits = new Uint8Array(this.capacity * HEX_FIELDS);
  private textIds = new Uint32Array(this.capacity * TEXT_FIELDS);
  private counters = new Float64Array(this.capacity * COUNTER_SLOTS);
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Starts a mapping from its header line; false (nothing added) when the line is no header. */
  addHeader(line: string): boolean {
    const header = parseMapsHeader(line);
    if (header === null) return false;
    const start = hexWordsOf(header.start);
    const end = hexWordsOf(header.end);
    const offset = hexWordsOf(header.offset);
    if (start === null || end === null || offset === null) return false;
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    const w = i * HEX_FIELDS * 2;
    this.hexWords[w] = start[0];
    this.hexWords[w + 1] = start[1];
    this.hexWords[w + 2] = end[0];
    this.hexWords[w + 3] = end[1];
    this.hexWords[w + 4] = offset[0];
    this.hexWords[w + 5] = offset[1];
    const d = i * HEX_FIELDS;
    this.hexDigits[d] = header.start.length;
    this.hexDigits[d + 1] = header.end.length;
    this.hexDigits[d + 2] = header.offset.length;
    const t = i * TEXT_FIELDS;
    this.textIds[t] = this.intern(header.perms);
    this.textIds[t + 1] = this.intern(header.device);
    this.textIds[t + 2] = this.intern(header.inode);
    this.textIds[t + 3] = this.intern(header.path);
    this.counters.fill(0, i * COUNTER_SLOTS, (i + 1) * COUNTER_SLOTS);
    this.counters[i * COUNTER_SLOTS] = NaN;
    return true;
  }

  /** Sets a counter of the latest mapping (ignored before the first header). */
  setCounter(slot: number, bytes: number): void {
    if (this.count > 0) this.counters[(this.count - 1) * COUNTER_SLOTS + slot] = bytes;
  }

  /**
   * The table: views of the builder's arrays, cut to the mappings read. A big array is not
   * copied to its size (see BIG_BYTES): it moves whole, and its unwritten pages cost nothing.
   */
  finish(): SmapsTable {
    const n = this.count;
    const fit = <T extends Uint32Array | Uint8Array | Float64Array>(array: T, perMapping: number): T =>
      (array.byteLength > SMALL_BYTES ? array.subarray(0, n * perMapping) : array.slice(0, n * perMapping)) as T;
    return {
      count: n,
      strings: this.strings,
      hexWords: fit(this.hexWords, HEX_FIELDS * 2),
      hexDigits: fit(this.hexDigits, HEX_FIELDS),
      textIds: fit(this.textIds, TEXT_FIELDS),
      counters: fit(this.counters, COUNTER_SLOTS),
    };
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  private grow(): void {
    const wanted = this.capacity * 2;
    const grown = <T extends Uint32Array | Uint8Array | Float64Array>(old: T, perMapping: number, make: (n: number) => T): T => {
      if (old.length >= wanted * perMapping) return old;
      let length = wanted * perMapping;
      if (length * old.BYTES_PER_ELEMENT > SMALL_BYTES) length = Math.max(length, Math.ceil(BIG_BYTES / old.BYTES_PER_ELEMENT));
      const bigger = make(length);
      bigger.set(old);
      return bigger;
    };
    this.hexWords = grown(this.hexWords, HEX_FIELDS * 2, (n) => new Uint32Array(n));
    this.hexDigits = grown(this.hexDigits, HEX_FIELDS, (n) => new Uint8Array(n));
    this.textIds = grown(this.textIds, TEXT_FIELDS, (n) => new Uint32Array(n));
    this.counters = grown(this.counters, COUNTER_SLOTS, (n) => new Float64Array(n));
    this.capacity = Math.min(this.hexWords.length / (HEX_FIELDS * 2), this.hexDigits.length / HEX_FIELDS,
      this.textIds.length / TEXT_FIELDS, this.counters.length / COUNTER_SLOTS);
  }
}
