/**
 * /proc/PID/smaps_rollup (Linux 4.14+): one "[rollup]" header, then the smaps counters summed
 * over every mapping. Reading it walks the target's page tables under its mmap lock: the
 * expensive read of a sample.
 */
import { KIB } from './key-value-lines.js';
import { isExactSummary, parseCounterLines, type MemorySummary, type SmapsCounters } from './smaps-counters.js';

/** Returns null when the text holds no Rss line (empty: kernel thread or zombie; or truncated). */
export function parseSmapsRollup(text: string): SmapsCounters | null {
  const counters = parseCounterLines(text);
  return 'Rss' in counters ? counters : null;
}

/**
 * The lines the summary needs, in the order every kernel prints them (others, such as Pss_Anon
 * or KSM, come and go between them): one match of one expression, native code from its first
 * use, gives all ten. Text in another order (hand-written) goes through the line loop below.
 */
const SUMMARY_IN_KERNEL_ORDER = new RegExp(
  ['Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Anonymous', 'Swap', 'SwapPss', 'Locked']
    .map((key) => `^${key}:[ \\t]+(\\d+) kB$`)
    .join('\\n(?:.*\\n)*?'),
  'm',
);

/** Any order: each line by itself (each kernel since 4.14 prints all of them). */
const SUMMARY_LINE = /^(Rss|Pss|Shared_Clean|Shared_Dirty|Private_Clean|Private_Dirty|Swap|SwapPss|Locked|Anonymous):[ \t]+(\d+) kB$/gm;
const SUMMARY_KEYS = ['Rss', 'Pss', 'Shared_Clean', 'Shared_Dirty', 'Private_Clean', 'Private_Dirty', 'Swap', 'SwapPss', 'Locked', 'Anonymous'];

/**
 * The figures memtop shows, straight from the rollup text: what summarize(parseSmapsRollup())
 * gives, without building the map of every counter (this runs for every process on a tick).
 * Null unless every line it needs is there whole (empty file, or cut short): a line cut before
 * its "kB" does not match.
 */
export function parseRollupSummary(text: string): MemorySummary | null {
  const m = SUMMARY_IN_KERNEL_ORDER.exec(text);
  if (m === null) return parseAnyOrder(text);
  const kb = (group: number) => Number(m[group]) * KIB;
  return exactSummary(kb(1), kb(2), kb(3), kb(4), kb(5), kb(6), kb(7), kb(8), kb(9), kb(10));
}

function parseAnyOrder(text: string): MemorySummary | null {
  const v = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let seen = 0;
  SUMMARY_LINE.lastIndex = 0;
  for (let m = SUMMARY_LINE.exec(text); m !== null; m = SUMMARY_LINE.exec(text)) {
    const index = SUMMARY_KEYS.indexOf(m[1]);
    v[index] = Number(m[2]) * KIB;
    seen |= 1 << index;
  }
  if (seen !== (1 << SUMMARY_KEYS.length) - 1) return null;
  return exactSummary(v[0], v[1], v[2], v[3], v[4], v[5], v[9], v[6], v[7], v[8]);
}

/** The summary, or null when a figure or a sum of two is beyond 2^53 − 1 bytes (a double would round it): corrupt. */
function exactSummary(...kbValues: Parameters<typeof summaryOf>): MemorySummary | null {
  const summary = summaryOf(...kbValues);
  return isExactSummary(summary) ? summary : null;
}

function summaryOf(rss: number, pss: number, sharedClean: number, sharedDirty: number, privateClean: number, privateDirty: number,
  anonymous: number, swap: number, swapPss: number, locked: number): MemorySummary {
  return {
    rssBytes: rss,
    pssBytes: pss,
    ussBytes: privateClean + privateDirty,
    sharedBytes: sharedClean + sharedDirty,
    dirtyBytes: sharedDirty + privateDirty,
    swapBytes: swap,
    swapPssBytes: swapPss,
    lockedBytes: locked,
    anonymousBytes: anonymous,
  };
}
