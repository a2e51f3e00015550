/**
 * Which processes and groups become series: the N largest by PSS (RSS where PSS is unknown, then
 * the rest), so the number of series stays bounded whatever the machine runs. Kernel threads have
 * no memory and are left out.
 */
import type { ColumnContext } from '../model/column.js';
import { addProcess, emptyAggregate, type ProcessAggregate } from '../model/process-aggregate.js';
import type { ProcessSample } from '../sampler/sample.js';

/** Larger first: known PSS before unknown, then by PSS, then by RSS. */
function bySize(a: { pss: number | null; rss: number | null }, b: { pss: number | null; rss: number | null }): number {
  if ((a.pss === null) !== (b.pss === null)) return a.pss === null ? 1 : -1;
  if (a.pss !== null && b.pss !== null && a.pss !== b.pss) return b.pss - a.pss;
  return (b.rss ?? -1) - (a.rss ?? -1);
}

export function topProcesses(processes: readonly ProcessSample[], count: number): ProcessSample[] {
  return processes.filter((p) => !p.kernelThread)
    .sort((a, b) => bySize({ pss: a.pssBytes, rss: a.rssBytes }, { pss: b.pssBytes, rss: b.rssBytes }))
    .slice(0, count);
}

/** One aggregate per key (program, user, cgroup path), the `count` largest by summed PSS. */
export function topGroups(processes: readonly ProcessSample[], key: (p: ProcessSample) => string | null,
  context: ColumnContext, count: number): ProcessAggregate[] {
  const groups = new Map<string, ProcessAggregate>();
  for (const p of processes) {
    if (p.kernelThread) continue;
    const name = key(p);
    if (name === null) continue;
    let group = groups.get(name);
    if (group === undefined) groups.set(name, group = emptyAggregate(name));
    addProcess(group, p, context);
  }
  return [...groups.values()]
    .sort((a, b) => bySize({ pss: a.sums.pss ?? null, rss: a.sums.rss ?? null }, { pss: b.sums.pss ?? null, rss: b.sums.rss ?? null }))
    .slice(0, count);
}

/** Every non-kernel process combined. */
export function totalOf(processes: readonly ProcessSample[], context: ColumnContext): ProcessAggregate {
  const total = emptyAggregate('total');
  for (const p of processes) if (!p.kernelThread) addProcess(total, p, context);
  return total;
}
