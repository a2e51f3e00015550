/**
 * /proc/PID/smaps parsed as it is read, chunk by chunk, into a SmapsTable: no whole file as one
 * string and nothing allocated per counter line (a mapping has ~24 of them). Counter keys are
 * matched as bytes and values read as digits; only a header line (one per mapping) becomes a
 * string, parsed by parseMapsHeader as parseSmaps does, so both agree on every header.
 */
import { COUNTER_SLOTS, SmapsTableBuilder, TABLE_COUNTERS, type SmapsTable } from './smaps-table.js';

const KEYS = TABLE_COUNTERS.map((key) => Buffer.from(key, 'latin1'));
const NEWLINE = 10;
/** TypedArray#indexOf: Buffer's own indexOf checks its arguments in JavaScript on every call. */
const indexOf = Uint8Array.prototype.indexOf;
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
    while (start < length) {
      // Counter lines (~24 of 25 lines) are read in one pass that also finds their end.
      let end = this.counterLine(chunk, start, length);
      if (end < 0) {
        end = indexOf.call(chunk, NEWLINE, start);
        if (end < 0 || end >= length) break;
        this.line(chunk, start, end);
      }
      start = end + 1;
    }
    if (start < length) this.keep(chunk, start, length);
  }

  /**
   * A whole "Key: digits [kB]" line at `from`, read in one pass: sets the counter when the key
   * is kept and returns the index of its newline; -1 for any other line (a header, VmFlags, a
   * value of another form, a line cut by the chunk's end), which line() then reads.
   */
  private counterLine(bytes: Uint8Array, from: number, length: number): number {
    let i = from;
    let byte = bytes[i];
    if (byte < 65 || byte > 90) return -1; // keys begin with a capital; headers with a hex digit
    while (i < length && (byte = bytes[i]) !== COLON) {
      if (byte === 32 || byte === NEWLINE) return -1;
      i++;
    }
    if (i === length) return -1;
    const slot = slotOf(bytes, from, i);
    for (i++; i < length && isBlank(bytes[i]); i++);
    let value = 0;
    const digits = i;
    for (; i < length && (byte = bytes[i]) >= 48 && byte <= 57; i++) value = value * 10 + (byte - 48);
    if (i === digits) return -1;
    const afterDigits = i;
    for (; i < length && isBlank(bytes[i]); i++);
    if (i > afterDigits && i + 2 <= length && bytes[i] === 107 /* k */ && bytes[i + 1] === 66 /* B */) {
      for (i += 2; i < length && isBlank(bytes[i]); i++);
      if (i === length || bytes[i] !== NEWLINE) return -1;
      if (slot >= 0) this.builder.setCounter(slot, value * 1024);
      return i;
    }
    // A bare number (THPeligible, ProtectionKey): never a kept counter, which are all in kB.
    return i < length && bytes[i] === NEWLINE && slot < 0 ? i : -1;
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
