/**
 * /proc/PID/smaps_rollup (Linux 4.14+): one "[rollup]" header, then the smaps counters summed
 * over every mapping. Reading it walks the target's page tables under its mmap lock: the
 * expensive read of a sample.
 */
import { parseCounterLines, type SmapsCounters } from './smaps-counters.js';

/** Returns null when the text holds no Rss line (empty: kernel thread or zombie; or truncated). */
export function parseSmapsRollup(text: string): SmapsCounters | null {
  const counters = parseCounterLines(text);
  return 'Rss' in counters ? counters : null;
}
