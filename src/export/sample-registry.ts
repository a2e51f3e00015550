/**
 * One sample as Prometheus metrics: a fresh prom-client Registry per sample (so a process that
 * exited has no series left behind), rendered once in the classic text format; every scrape until
 * the next sample serves that text. Unknown figures (null: refused, not read) get no series —
 * never a 0.
 */
import { Gauge, Registry } from 'prom-client';
import type { ColumnContext } from '../model/column.js';
import type { ProcessAggregate } from '../model/process-aggregate.js';
import { visibleText } from '../model/untrusted-text.js';
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { groupMetricHelp, groupMetricName, METRIC_COLUMNS, SUMMED_METRIC_COLUMNS, type GroupKind } from './metric-names.js';
import { topGroups, topProcesses, totalOf } from './process-selection.js';
import { addSystemMetrics } from './system-metrics.js';

export type Labels = Record<string, string | number>;

/**
 * A gauge computed from each sample by another part of memtop (growth rate, leak-suspect flag):
 * the seam through which history-derived figures reach /metrics. Called once per sample, never
 * per scrape. Use processLabels() for per-process series, so they join the memtop_process_* ones.
 */
export interface ExtraGauge {
  name: string;
  help: string;
  labelNames: readonly string[];
  values(sample: Sample, options: ExportOptions): Iterable<{ labels: Labels; value: number | null }>;
}

export interface ExportOptions {
  /** Processes with their own series: the largest by PSS. */
  topProcesses: number;
  /** Groups (programs, users, cgroups) with their own series, each the largest by PSS. */
  topGroups: number;
  /** Add the command line as a label (command lines carry secrets: off by default). */
  cmdline: boolean;
  extraGauges?: readonly ExtraGauge[];
}

/**
 * The labels that name a process's series. Names come from other users: control and invisible
 * characters become visible text (\x1b), as on memtop's screen, since label values end up on
 * terminals (curl) and dashboards; prom-client then escapes backslash, quote and newline.
 */
export function processLabels(p: ProcessSample, options: Pick<ExportOptions, 'cmdline'>): Labels {
  const labels: Labels = { pid: p.pid, comm: visibleText(p.comm), user: visibleText(p.user) };
  if (options.cmdline) labels.cmdline = visibleText(p.cmdline);
  return labels;
}

function setKnown(gauge: Gauge, labels: Labels, value: number | string | null): void {
  if (typeof value === 'number' && Number.isFinite(value)) gauge.set(labels, value);
}

function addProcessMetrics(registry: Registry, sample: Sample, context: ColumnContext, options: ExportOptions): void {
  const labelNames = options.cmdline ? ['pid', 'comm', 'user', 'cmdline'] : ['pid', 'comm', 'user'];
  const chosen = topProcesses(sample.processes, options.topProcesses);
  for (const column of METRIC_COLUMNS) {
    const gauge = new Gauge({ name: column.metric.name, help: column.metric.help, labelNames, registers: [registry] });
    for (const p of chosen) setKnown(gauge, processLabels(p, options), column.value(p, context));
  }
}

function addGroupMetrics(registry: Registry, kind: GroupKind, groups: readonly ProcessAggregate[]): void {
  const labelNames = kind === 'total' ? [] : [kind];
  const labelsOf = (g: ProcessAggregate): Labels => (kind === 'total' ? {} : { [kind]: visibleText(g.key) });
  const count = new Gauge({
    name: `memtop_${kind}_processes`, help: kind === 'total' ? 'Number of processes sampled (kernel threads left out)' : `Number of processes in the ${kind}`,
    labelNames, registers: [registry],
  });
  for (const g of groups) count.set(labelsOf(g), g.count);
  for (const column of SUMMED_METRIC_COLUMNS) {
    const gauge = new Gauge({ name: groupMetricName(column.metric, kind), help: groupMetricHelp(column.metric, kind), labelNames, registers: [registry] });
    for (const g of groups) setKnown(gauge, labelsOf(g), g.sums[column.id] ?? null);
  }
}

function addExtraGauges(registry: Registry, sample: Sample, options: ExportOptions): void {
  for (const extra of options.extraGauges ?? []) {
    const gauge = new Gauge({ name: extra.name, help: extra.help, labelNames: [...extra.labelNames], registers: [registry] });
    for (const { labels, value } of extra.values(sample, options)) setKnown(gauge, labels, value);
  }
}

/** The registry of one sample's metrics. */
export function sampleRegistry(sample: Sample, options: ExportOptions): Registry {
  const registry = new Registry();
  const context: ColumnContext = {
    memTotalBytes: sample.system.meminfo.MemTotal ?? 0, nowEpochMs: sample.timeMs, sampleMonotonicMs: sample.monotonicMs,
  };
  addSystemMetrics(registry, sample);
  addProcessMetrics(registry, sample, context, options);
  addGroupMetrics(registry, 'program', topGroups(sample.processes, (p) => p.comm, context, options.topGroups));
  addGroupMetrics(registry, 'user', topGroups(sample.processes, (p) => p.user, context, options.topGroups));
  addGroupMetrics(registry, 'cgroup', topGroups(sample.processes, (p) => p.cgroupPath, context, options.topGroups));
  addGroupMetrics(registry, 'total', [totalOf(sample.processes, context)]);
  addExtraGauges(registry, sample, options);
  const sampleTime = new Gauge({ name: 'memtop_sample_timestamp_seconds', help: 'When the sample served was taken, seconds since the epoch', registers: [registry] });
  sampleTime.set(sample.timeMs / 1000);
  const cost = new Gauge({ name: 'memtop_sample_duration_seconds', help: 'Wall time the sampler spent taking the sample served', registers: [registry] });
  cost.set(sample.costMs / 1000);
  const ownRss = new Gauge({ name: 'memtop_self_resident_memory_bytes', help: "memtop's own resident memory (all its threads), at the sample", registers: [registry] });
  ownRss.set(sample.own.rssBytes);
  const ownCpu = new Gauge({ name: 'memtop_self_cpu_ratio', help: "memtop's own CPU use since the previous sample, share of one core", registers: [registry] });
  if (sample.own.cpuPercent !== null) ownCpu.set(sample.own.cpuPercent / 100);
  const denied = new Gauge({ name: 'memtop_sample_processes_denied', help: 'Processes in the sample whose smaps_rollup was refused (their PSS/USS have no series)', registers: [registry] });
  denied.set(sample.stats.denied);
  return registry;
}
