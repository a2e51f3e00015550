/**
 * /proc/meminfo: every field, in bytes ("kB" lines are multiplied by 1024; HugePages_* counts
 * stay counts). Order is kept, so output lists fields as the kernel does. Only HugePages_* lines
 * are counts; any other line without its "kB" (a file cut short) is left out.
 */
import { forEachKeyLineAt, kbAt, sizeAt } from './key-value-lines.js';

export type Meminfo = Record<string, number>;

export function parseMeminfo(text: string): Meminfo {
  const fields: Meminfo = {};
  // Read on every tick: indexes into the text, no substring per line but the key.
  forEachKeyLineAt(text, (key, from, to) => {
    const value = key.startsWith('HugePages_') ? sizeAt(text, from, to) : kbAt(text, from, to);
    if (value !== null) fields[key] = value;
  });
  return fields;
}

/**
 * Why these figures cannot describe memory at all, or null when they can: without a MemTotal
 * above 0 (an empty or cut meminfo) every share and every "used" would be invented.
 */
export function meminfoProblem(meminfo: Meminfo): string | null {
  if (Object.keys(meminfo).length === 0) return 'holds no field (empty or corrupt)';
  if (meminfo.MemTotal === undefined) return 'has no MemTotal (cut short or corrupt)';
  if (meminfo.MemTotal === 0) return 'says MemTotal is 0';
  return null;
}
