/** The parts of one tick, read by chunks of its PID list, joined as one read would have left them. */
import { REFUSED_KEPT } from './read-process.js';
import { noReads, type ReadCounts } from './sample.js';
import type { ProcessesPart } from './sampler.js';

/** `parts` in the order of their chunks in the PID list. */
export function mergeParts(parts: readonly ProcessesPart[]): ProcessesPart {
  const reads: ReadCounts = noReads();
  const merged: ProcessesPart = { processes: [], unread: [], stats: { listed: 0, gone: 0, denied: 0, reads, refused: [] } };
  for (const { processes, unread, stats } of parts) {
    for (const p of processes) merged.processes.push(p);
    for (const pid of unread) merged.unread.push(pid);
    merged.stats.listed += stats.listed;
    merged.stats.gone += stats.gone;
    merged.stats.denied += stats.denied;
    for (const need of Object.keys(reads) as (keyof ReadCounts)[]) reads[need] += stats.reads[need];
    for (const why of stats.refused) if (merged.stats.refused.length < REFUSED_KEPT) merged.stats.refused.push(why);
  }
  return merged;
}
