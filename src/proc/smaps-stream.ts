/**
 * /proc/PID/smaps parsed as it is read, chunk by chunk, into a SmapsTable: no whole file as one
 * string and nothing allocated per counter line (a mapping has ~24 of them). Counter keys are
 * matched as bytes and values read as digits; only a header line (one per mapping) becomes a
 * string, parsed by parseMapsHeader as parseSmaps does, so both agree on every header.
 */
import { COUNTER_SLOTS, SmapsTableBuilder, TABLE_COUNTERS, type SmapsTable } from './smaps-table.js';

const KEYS = TABLE_COUNTERS.map((key) => Buffer.from(key, 'latin1'));
const NEWLINE = 10;
const COLON = 58;

function isBlank(byte: number): boolean {
  return byte === 32 || byte === 9;
}

/** True for 0-9 and a-f: a header begins with its start address, a counter with a capital. */
function isLowerHex(byte: number): boolean {
  return (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102);
}

/** Which kept counter the key bytes [from, to) name, or -1. */
function slotOf(line: Uint8Array, from: number, to: number): number {
  const length = to - from;
  for (let slot = 0; slot < COUNTER_SLOTS; slot++) {
    const key = KEYS[slot];
    if (key.length !== length || key[0] !== line[from]) continue;
    let i = 1;
    while (i < length && key[i] === line[from + i]) i++;
    if (i === length) return slot;
  }
  return -1;
}

/** "  1234 kB" in bytes [from, to) → 1263616; null unless blanks, digits, blanks, "kB", blanks (as kbAt). */
function kbBytesAt(line: Uint8Array, from: number, to: number): number | null {
  let i = from;
  while (i < to && isBlank(line[i])) i++;
  const first = i;
  let value = 0;
  for (; i < to && line[i] >= 48 && line[i] <= 57; i++) value = value * 10 + (line[i] - 48);
  if (i === first) return null;
  const afterDigits = i;
  while (i < to && isBlank(line[i])) i++;
  if (i === afterDigits || i + 2 > to || line[i] !== 107 /* k */ || line[i + 1] !== 66 /* B */) return null;
  for (i += 2; i < to; i++) if (!isBlank(line[i])) return null;
  return value * 1024;
}

export class SmapsStreamParser {
  private readonly builder = new SmapsTableBuilder();
  /** The start of a line cut by the end of a chunk, waiting for its rest. */
  private carry = Buffer.allocUnsafe(0);
  private carryLength = 0;

  /** Parses chunk[0, length): every line it completes, keeping a cut last line for the next. */
  push(chunk: Uint8Array, length: number): void {
    let start = 0;
    if (this.carryLength > 0) {
      while (start < length && chunk[start] !== NEWLINE) start++;
      this.keep(chunk, 0, start);
      if (start === length) return;
      this.line(this.carry, 0, this.carryLength);
      this.carryLength = 0;
      start++;
    }
    // A byte loop: Buffer#indexOf costs more per call than a line of smaps costs to scan.
    for (let i = start; i < length; i++) {
      if (chunk[i] !== NEWLINE) continue;
      this.line(chunk, start, i);
      start = i + 1;
    }
    if (start < length) this.keep(chunk, start, length);
  }

  /** The mappings read; a last line without its newline counts as whole (as in parseSmaps). */
  finish(): SmapsTable {
    if (this.carryLength > 0) this.line(this.carry, 0, this.carryLength);
    this.carryLength = 0;
    return this.builder.finish();
  }

  private keep(chunk: Uint8Array, from: number, to: number): void {
    const needed = this.carryLength + to - from;
    if (needed > this.carry.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, 2 * this.carry.length, 256));
      this.carry.copy(bigger, 0, 0, this.carryLength);
      this.carry = bigger;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength = needed;
  }

  private line(bytes: Uint8Array, from: number, to: number): void {
    if (from === to) return;
    if (isLowerHex(bytes[from]) && this.builder.addHeader(Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8'))) return;
    let colon = from;
    while (colon < to && bytes[colon] !== COLON) colon++;
    if (colon === to || colon === from) return;
    const slot = slotOf(bytes, from, colon);
    if (slot < 0) return;
    const value = kbBytesAt(bytes, colon + 1, to);
    if (value !== null) this.builder.setCounter(slot, value);
  }
}

/** Parses a whole smaps text (fixtures, tests) the way the stream does. */
export function smapsTableOf(text: string): SmapsTable {
  const parser = new SmapsStreamParser();
  const bytes = Buffer.from(text, 'utf8');
  parser.push(bytes, bytes.length);
  return parser.finish();
}
