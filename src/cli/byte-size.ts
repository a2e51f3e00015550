/** A size flag (--max-size): bytes, or a number with K, M or G (1024-based, as memtop shows sizes). */
import { usageError } from './cli-error.js';

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export function byteSize(flag: string, minBytes: number): (text: string) => number {
  return (text: string) => {
    const match = /^(\d+(?:\.\d+)?)([KMG]?)i?B?$/i.exec(text.trim());
    const bytes = match ? Math.floor(Number(match[1]) * UNITS[match[2].toUpperCase()]) : NaN;
    if (!Number.isSafeInteger(bytes) || bytes < minBytes) {
      throw usageError(`${flag} takes a size in bytes of at least ${minBytes}, or with K, M or G (1024-based), not '${text}'`);
    }
    return bytes;
  };
}
