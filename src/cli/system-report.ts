/**
 * `memtop system`: two readings of the system files, --interval apart (default 1 s: the rates
 * need two), then the free-style summary, vmstat-style rates, memory pressure and every
 * /proc/meminfo field — as text, or as JSON.
 */
import { readSystem } from '../sampler/read-system.js';
import { detectPageSizeBytes } from '../sampler/page-size.js';
import type { SystemSample } from '../sampler/sample.js';
import { freeNote, freeSummary, type FreeSummary } from '../model/free-summary.js';
import { vmstatRates, type VmstatRates } from '../model/system-rates.js';
import { isCountField, meminfoMeaning } from '../model/meminfo-meaning.js';
import { humanBytes } from '../model/human-units.js';
import { roundedRates, systemJson } from '../model/system-json.js';
import type { PressureLine } from '../proc/pressure.js';
import { formatTable, type TableColumn } from './text-table.js';
import { openProcRoot } from './proc-root.js';
import type { Report } from './output.js';
import type { SystemFlags } from './system-command.js';
import { jsonOutput } from './json-output.js';

export interface SystemEnvironment {
  prettyJson?: boolean;
  env?: NodeJS.ProcessEnv;
  monotonicMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function systemReport(flags: SystemFlags, environment: SystemEnvironment = {}): Promise<Report> {
  const procfs = openProcRoot(flags.proc, environment.env);
  const now = environment.monotonicMs ?? (() => performance.now());
  const pageSizeBytes = detectPageSizeBytes(procfs);
  const before = readSystem(procfs);
  const startMs = now();
  await (environment.sleep ?? defaultSleep)(flags.interval * 1000);
  const after = readSystem(procfs);
  const elapsedMs = now() - startMs;
  const rates = vmstatRates(before, after, elapsedMs, pageSizeBytes);
  const free = freeSummary(after.meminfo);
  if (flags.json) {
    const json = systemJson(after.meminfo, free, rates, after.pressure);
    return { stdout: jsonOutput(json, environment.prettyJson), notes: [] };
  }
  const note = freeNote(free);
  return { stdout: systemText(after, free, rates, elapsedMs), notes: note === null ? [] : [note] };
}

const left = (title: string): TableColumn => ({ title, align: 'left' });
const right = (title: string): TableColumn => ({ title, align: 'right' });

export function freeText(f: FreeSummary): string {
  const columns = [left(''), right('total'), right('used'), right('free'), right('shared'), right('buff/cache'), right('available')];
  return formatTable(columns, [
    ['Mem:', ...[f.total, f.used, f.free, f.shared, f.buffCache, f.available].map(humanBytes)],
    ['Swap:', ...[f.swapTotal, f.swapUsed, f.swapFree].map(humanBytes)],
  ], { gap: 3 });
}

export function ratesText(rates: VmstatRates): string {
  const r = roundedRates(rates);
  const ids = ['r', 'b', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st'] as const;
  const perSecondBytes = new Set(['si', 'so', 'bi', 'bo']);
  const cells = ids.map((id) => {
    const value = r[id];
    if (value === null) return '-';
    return perSecondBytes.has(id) ? humanBytes(value) : String(Math.round(value));
  });
  return formatTable(ids.map(right), [cells], { gap: 2 });
}

export function pressureText(p: SystemSample['pressure']): string {
  if (p === null) return 'not available (the kernel has no /proc/pressure/memory: before 4.20, or PSI off)\n';
  const line = (name: string, l: PressureLine | null) => (l === null
    ? [name, '-', '-', '-', '-']
    : [name, l.avg10.toFixed(2), l.avg60.toFixed(2), l.avg300.toFixed(2), `${(l.totalMicroseconds / 1e6).toFixed(3)}s`]);
  return formatTable([left(''), right('avg10'), right('avg60'), right('avg300'), right('total')], [line('some', p.some), line('full', p.full)], { gap: 2 });
}

export function meminfoText(meminfo: SystemSample['meminfo']): string {
  const rows = Object.entries(meminfo).map(([field, value]) => (isCountField(field)
    ? [field, String(value), String(value), meminfoMeaning(field) ?? '']
    : [field, humanBytes(value), `${value / 1024} kB`, meminfoMeaning(field) ?? '']));
  return formatTable([left('field'), right('value'), right('as printed'), left('meaning')], rows, { gap: 2 });
}

function systemText(after: SystemSample, free: FreeSummary, rates: VmstatRates, elapsedMs: number): string {
  return [
    'Memory (as free: used = total - available)',
    freeText(free),
    `Rates over ${(elapsedMs / 1000).toFixed(1)} s (as vmstat; si/so swap and bi/bo block I/O in bytes per second; us/sy/id/wa/st % of CPU time)`,
    ratesText(rates),
    'Memory pressure (% of time some or all tasks stalled waiting for memory, over 10/60/300 s)',
    pressureText(after.pressure),
    '/proc/meminfo',
    meminfoText(after.meminfo),
  ].join('\n');
}
