/**
 * The "Key:   value [kB]" line format shared by /proc/meminfo, /proc/PID/status,
 * /proc/PID/smaps_rollup and the per-mapping part of /proc/PID/smaps.
 *
 * status and smaps_rollup are parsed for every process on every tick, so the core works on
 * indexes into the text (no per-line substrings besides the key, no regular expressions).
 */

export const KIB = 1024;

/**
 * Calls `visit(key, valueStart, lineEnd)` for each "Key: value" line of `text`: the value is
 * text.slice(valueStart, lineEnd), untrimmed. Lines without a colon, and lines whose "key"
 * holds a space (the address header of a mapping in smaps, "7f..-7f.. r-xp 00000000 08:01 1234
 * /usr/lib/..."), are skipped. A visitor that returns true stops the scan (it has what it needs).
 */
export function forEachKeyLineAt(text: string, visit: (key: string, valueStart: number, lineEnd: number) => boolean | void): void {
  const length = text.length;
  let start = 0;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    const colon = text.indexOf(':', start);
    if (colon > start && colon < end) {
      const key = text.slice(start, colon);
      if (key.indexOf(' ') < 0 && visit(key, colon + 1, end) === true) return;
    }
    start = end + 1;
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * The value between `from` and `to`: surrounding blanks, digits, then optionally blanks and a
 * unit. Returns the number and where the unit starts, or null when there are no digits.
 */
function digitsAt(text: string, from: number, to: number): { value: number; unitStart: number } | null {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  const first = i;
  let value = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  if (i === first) return null;
  // Beyond 2^53 − 1 a double holds the figure only rounded: unknown rather than wrong.
  if (value > Number.MAX_SAFE_INTEGER) return null;
  const afterDigits = i;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i > afterDigits || i === to) return { value, unitStart: i };
  return null; // digits run straight into something else: "12x"
}

/** True when only blanks follow `from` up to `to`. */
function blankTo(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * "  1234 kB" → 1263616 bytes; a bare number, a cut line, junk, or a size whose bytes a double
 * cannot hold exactly (beyond 2^53 − 1: no machine has that much) → null.
 */
export function kbAt(text: string, from: number, to: number): number | null {
  const parsed = digitsAt(text, from, to);
  if (parsed === null) return null;
  const u = parsed.unitStart;
  if (u + 2 > to || text.charCodeAt(u) !== 107 /* k */ || text.charCodeAt(u + 1) !== 66 /* B */) return null;
  const bytes = parsed.value * KIB;
  return blankTo(text, u + 2, to) && bytes <= Number.MAX_SAFE_INTEGER ? bytes : null;
}

/** "  1234 kB" → bytes; "  1234" (a count, as HugePages_Total) → 1234; junk → null. */
export function sizeAt(text: string, from: number, to: number): number | null {
  const parsed = digitsAt(text, from, to);
  if (parsed === null) return null;
  return parsed.unitStart === to ? parsed.value : kbAt(text, from, to);
}
