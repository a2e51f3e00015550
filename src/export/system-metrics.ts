/**
 * System memory as metrics: every /proc/meminfo field (bytes; HugePages_* counts), and memory
 * pressure (PSI) as node_exporter shapes it: the stall time as a counter of seconds, the
 * kernel's averages as ratios.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { isCountField, meminfoMeaning } from '../model/meminfo-meaning.js';
import type { Sample } from '../sampler/sample.js';
import { meminfoMetricName } from './metric-names.js';

function addMeminfo(registry: Registry, meminfo: Record<string, number>): void {
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(meminfo)) {
    const name = meminfoMetricName(key, isCountField(key));
    // Two keys that differ only in characters a metric name cannot hold: the first one wins.
    if (seen.has(name) || !Number.isFinite(value)) continue;
    seen.add(name);
    const meaning = meminfoMeaning(key);
    const gauge = new Gauge({ name, help: `${key} from /proc/meminfo${meaning ? `: ${meaning}` : ''}`, registers: [registry] });
    gauge.set(value);
  }
}

function addPressure(registry: Registry, sample: Sample): void {
  const pressure = sample.system.pressure;
  if (pressure === null) return;
  const stalled = new Counter({
    name: 'memtop_memory_pressure_stalled_seconds_total',
    help: 'Time some (kind="some") or all (kind="full") tasks were stalled on memory (/proc/pressure/memory total)',
    labelNames: ['kind'], registers: [registry],
  });
  const average = new Gauge({
    name: 'memtop_memory_pressure_ratio',
    help: 'Share of wall time tasks were stalled on memory, averaged by the kernel over window (/proc/pressure/memory avgN)',
    labelNames: ['kind', 'window'], registers: [registry],
  });
  for (const kind of ['some', 'full'] as const) {
    const line = pressure[kind];
    if (line === null) continue;
    stalled.inc({ kind }, line.totalMicroseconds / 1e6);
    average.set({ kind, window: '10s' }, line.avg10 / 100);
    average.set({ kind, window: '60s' }, line.avg60 / 100);
    average.set({ kind, window: '300s' }, line.avg300 / 100);
  }
}

export function addSystemMetrics(registry: Registry, sample: Sample): void {
  addMeminfo(registry, sample.system.meminfo);
  addPressure(registry, sample);
}
