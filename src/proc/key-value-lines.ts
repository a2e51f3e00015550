/**
 * The "Key:   value [kB]" line format shared by /proc/meminfo, /proc/PID/status,
 * /proc/PID/smaps_rollup and the per-mapping part of /proc/PID/smaps.
 */

export const KIB = 1024;

/**
 * Calls `visit(key, rest, raw)` for each "Key: rest" line of `text`, with `rest` trimmed and
 * `raw` the untrimmed text after the colon (for values whose spaces matter, as status's Name).
 * Lines without a colon, and lines whose "key" holds a space (the address header of a mapping
 * in smaps, "7f..-7f.. r-xp 00000000 08:01 1234 /usr/lib/..."), are skipped.
 */
export function forEachKeyLine(text: string, visit: (key: string, rest: string, raw: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const colon = text.indexOf(':', start);
    if (colon > start && colon < end) {
      const key = text.slice(start, colon);
      if (key.indexOf(' ') < 0) {
        const raw = text.slice(colon + 1, end);
        visit(key, raw.trim(), raw);
      }
    }
    start = end + 1;
  }
}

/** "1234 kB" → 1263616 bytes; "1234" (a count, as HugePages_Total) → 1234; junk → null. */
export function parseSizeValue(rest: string): number | null {
  const space = rest.indexOf(' ');
  const digits = space < 0 ? rest : rest.slice(0, space);
  if (digits.length === 0 || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  const unit = space < 0 ? '' : rest.slice(space + 1).trim();
  if (unit === 'kB') return n * KIB;
  if (unit === '') return n;
  return null;
}

/**
 * "1234 kB" → 1263616 bytes; anything else, a bare number included → null. For fields the kernel
 * always prints in kB: a line cut before its unit ("VmRSS:\t   11776") is then not taken for
 * 11776 bytes.
 */
export function parseKbValue(rest: string): number | null {
  return rest.endsWith(' kB') ? parseSizeValue(rest) : null;
}
