/**
 * /proc/PID/smaps: every mapping with its header (the /proc/PID/maps line), its counters and its
 * VmFlags. Paths are untrusted (file names are chosen by users); the kernel escapes "\n" in them
 * as "\012", so one line is one line.
 */
import { parseCounterLines, isSummedCounter, type SmapsCounters } from './smaps-counters.js';

export interface SmapsMapping {
  /** Start and end addresses, lowercase hex without 0x, as the kernel prints them. */
  start: string;
  end: string;
  /** "r-xp", "rw-s", ... */
  perms: string;
  /** File offset, hex as printed. */
  offset: string;
  /** "major:minor", hex as printed. */
  device: string;
  /** Decimal, as printed: exact beyond 2^53 (overlayfs with xino shows 64-bit inode numbers). */
  inode: string;
  /** File path, "[heap]", "[stack]", "[vdso]", "[anon:name]", or "" for anonymous memory. */
  path: string;
  /** Every counter line: Size, Rss, Pss, ..., Swap, SwapPss, Locked; bytes for "kB" lines. */
  counters: SmapsCounters;
  /** Two-letter VmFlags: rd wr ex sh mr mw me ms gd pf dw lo io sr rr dc de ac nr ht ... */
  vmFlags: string[];
}

const HEADER = /^([0-9a-f]+)-([0-9a-f]+) (\S+) ([0-9a-f]+) ([0-9a-f]+:[0-9a-f]+) (\d+)(?: (.*))?$/;

/**
 * The kernel pads the part before the path to a fixed width (fs/proc/task_mmu.c:
 * seq_setwidth(25 + 6 * sizeof(void *) - 1), then seq_pad(' ')), so the path begins at
 * column max(prefix, 72) + 1 on 64-bit kernels (48 + 1 on 32-bit). Spaces beyond that column
 * belong to the path: a file may be named "  /usr/lib/libc.so.6".
 */
const PATH_COLUMN_64 = 72;
const PATH_COLUMN_32 = 48;

function pathAfterPadding(line: string, prefixLength: number): string {
  const column64 = Math.max(prefixLength, PATH_COLUMN_64) + 1;
  const column32 = Math.max(prefixLength, PATH_COLUMN_32) + 1;
  let first = prefixLength;
  while (first < line.length && line.charCodeAt(first) === 32) first++;
  // Nothing but padding: a name made of spaces, or (a hand-written line) trailing blanks.
  if (first === line.length) return line.length > column64 ? line.slice(column64) : '';
  // A header written by hand (one space before the path) starts the path where it starts.
  const start = first >= column64 ? column64 : first >= column32 ? column32 : first;
  return line.slice(start);
}

export function parseMapsHeader(line: string): Omit<SmapsMapping, 'counters' | 'vmFlags'> | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  // The prefix ends with the space after the inode.
  const prefixLength = m[7] === undefined ? line.length : line.length - m[7].length;
  return {
    start: m[1], end: m[2], perms: m[3], offset: m[4], device: m[5], inode: m[6],
    path: pathAfterPadding(line, prefixLength),
  };
}

export function parseSmaps(text: string): SmapsMapping[] {
  const mappings: SmapsMapping[] = [];
  let current: SmapsMapping | null = null;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const header = parseMapsHeader(line);
    if (header) {
      current = { ...header, counters: {}, vmFlags: [] };
      mappings.push(current);
    } else if (current) {
      if (line.startsWith('VmFlags:')) current.vmFlags = line.slice(8).trim().split(/\s+/).filter(Boolean);
      else parseCounterLines(line, current.counters);
    }
  }
  return mappings;
}

/**
 * Sums the counters of all mappings: what smaps_rollup reports, for kernels before 4.14
 * (which have no smaps_rollup) and to check one against the other.
 */
export function sumSmaps(mappings: SmapsMapping[]): SmapsCounters {
  const total: SmapsCounters = {};
  const beyondExact = new Set<string>();
  for (const mapping of mappings) {
    for (const [key, value] of Object.entries(mapping.counters)) {
      if (key === 'Size' || !isSummedCounter(key)) continue;
      total[key] = (total[key] ?? 0) + value;
      if (total[key] > Number.MAX_SAFE_INTEGER) beyondExact.add(key);
    }
  }
  // A sum a double can hold only rounded is left out: unknown, as a line that could not be read.
  for (const key of beyondExact) delete total[key];
  return total;
}
