/**
 * A cgroup's own memory charge, from the cgroup filesystem (not /proc): what the kernel charges
 * the group, page cache and kernel memory included, which can be far more than its processes'
 * PSS. v1 memory controller: memory.usage_in_bytes, memory.limit_in_bytes, memory.failcnt;
 * v2: memory.current, memory.max ("max": none), memory.events (oom, oom_kill), memory.pressure.
 */
import type { Pressure } from './pressure.js';

export interface CgroupCharge {
  /** The cgroup's path, as /proc/PID/cgroup gives it; untrusted. */
  path: string;
  version: 1 | 2;
  usageBytes: number;
  /** null: no limit (v2 "max"; v1's unlimited is the page counter's maximum). */
  limitBytes: number | null;
  /** v1: times the limit was hit. */
  failcnt: number | null;
  /** v2 memory.events: OOM events and OOM kills. */
  oomEvents: number | null;
  oomKills: number | null;
  /** v2 memory.pressure (PSI), where the kernel has it. */
  pressure: Pressure | null;
}

/** Limits at or past this are v1's "unlimited" (PAGE_COUNTER_MAX pages, rounded to a page). */
const V1_UNLIMITED_BYTES = 2 ** 62;

/** A file of one decimal number (and a newline); null when it is anything else. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function parseV1Limit(text: string): number | null {
  const value = parseCount(text);
  return value === null || value >= V1_UNLIMITED_BYTES ? null : value;
}

/** memory.max: a number of bytes, or "max". */
export function parseV2Max(text: string): number | null {
  return text.trim() === 'max' ? null : parseCount(text);
}

/** memory.events: "key value" lines. */
export function parseFlatKeyed(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [key, value, extra] = line.trim().split(/\s+/);
    if (key && value !== undefined && extra === undefined && /^\d+$/.test(value)) values.set(key, Number(value));
  }
  return values;
}
