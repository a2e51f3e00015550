/**
 * /proc/PID/smaps_rollup (Linux 4.14+): one "[rollup]" header, then the smaps counters summed
 * over every mapping. Reading it walks the target's page tables under its mmap lock: the
 * expensive read of a sample.
 */
import { KIB } from './key-value-lines.js';
import { parseCounterLines, type MemorySummary, type SmapsCounters } from './smaps-counters.js';

/** Returns null when the text holds no Rss line (empty: kernel thread or zombie; or truncated). */
export function parseSmapsRollup(text: string): SmapsCounters | null {
  const counters = parseCounterLines(text);
  return 'Rss' in counters ? counters : null;
}

/**
 * The rollup lines the summary needs (each kernel since 4.14 prints all of them), whole: a line
 * cut before its "kB" does not match. A regular expression runs as native code from the first
 * call, which matters for a one-shot report.
 */
const SUMMARY_LINE = /^(Rss|Pss|Shared_Clean|Shared_Dirty|Private_Clean|Private_Dirty|Swap|SwapPss|Locked|Anonymous):[ \t]+(\d+) kB$/gm;
const SUMMARY_KEYS = ['Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Swap', 'SwapPss', 'Locked', 'Anonymous'];

/**
 * The figures memtop shows, straight from the rollup text: what summarize(parseSmapsRollup())
 * gives, without building the map of every counter (this runs for every process on a tick).
 * Null unless every line it needs is there whole (empty file, or cut short).
 */
export function parseRollupSummary(text: string): MemorySummary | null {
  const v = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let seen = 0;
  SUMMARY_LINE.lastIndex = 0;
  for (let m = SUMMARY_LINE.exec(text); m !== null; m = SUMMARY_LINE.exec(text)) {
    const index = SUMMARY_KEYS.indexOf(m[1]);
    v[index] = Number(m[2]) * KIB;
    seen |= 1 << index;
  }
  if (seen !== (1 << SUMMARY_KEYS.length) - 1) return null;
  return {
    rssBytes: v[0],
    pssBytes: v[1],
    ussBytes: v[4] + v[5],
    sharedBytes: v[2] + v[3],
    dirtyBytes: v[3] + v[5],
    swapBytes: v[6],
    swapPssBytes: v[7],
    lockedBytes: v[8],
    anonymousBytes: v[9],
  };
}
