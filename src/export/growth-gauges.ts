/**
 * The history's figures as metrics, through sample-registry's ExtraGauge seam: each listed
 * listed process's growth rate (the GROWTH column's least-squares slope, per second) and whether
 * memtop suspects it of leaking, and the count of suspects. The history is fed by the same sample
 * stream, before the exporter, so the figures are of the sample served.
 */
import type { ProcessHistory } from '../model/process-history.js';
import { processLabels, type ExtraGauge } from './sample-registry.js';
import { topProcesses } from './process-selection.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';

const SECONDS_PER_MINUTE = 60;

/**
 * The processes with growth series: the top N by PSS, as every per-process metric, and besides
 * them up to N suspects by growth, so that a small process that leaks is named (still bounded).
 */
function listed(history: ProcessHistory, sample: Sample, topCount: number): ProcessSample[] {
  const top = topProcesses(sample.processes, topCount);
  const inTop = new Set(top);
  const suspects = sample.processes
    .filter((p) => !inTop.has(p) && history.growthOf(p)?.suspected === true)
    .sort((a, b) => history.growthOf(b)!.fit.bytesPerMinute - history.growthOf(a)!.fit.bytesPerMinute)
    .slice(0, topCount);
  return [...top, ...suspects];
}

export function growthGauges(history: ProcessHistory): ExtraGauge[] {
  return [
    {
      name: 'memtop_process_growth_bytes_per_second',
      help: 'Memory growth: least-squares slope of USS (RSS where USS is unknown) over the growth window; no series until 30 s of data',
      labelNames: ['pid', 'comm', 'user', 'basis'],
      *values(sample, options) {
        for (const p of listed(history, sample, options.topProcesses)) {
          const growth = history.growthOf(p);
          if (growth === null) continue;
          yield { labels: { ...processLabels(p, { cmdline: false }), basis: growth.basis }, value: growth.fit.bytesPerMinute / SECONDS_PER_MINUTE };
        }
      },
    },
    {
      name: 'memtop_process_leak_suspected',
      help: '1 when memtop suspects the process of leaking (steady growth with a good fit over the window, as the ! mark in the UI), else 0',
      labelNames: ['pid', 'comm', 'user'],
      *values(sample, options) {
        for (const p of listed(history, sample, options.topProcesses)) {
          const growth = history.growthOf(p);
          if (growth !== null) yield { labels: processLabels(p, { cmdline: false }), value: growth.suspected ? 1 : 0 };
        }
      },
    },
    {
      name: 'memtop_leak_suspects',
      help: 'Processes memtop suspects of leaking now, among all it samples',
      labelNames: [],
      *values() {
        yield { labels: {}, value: history.suspects };
      },
    },
  ];
}
