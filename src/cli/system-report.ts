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
import { systemJson } from '../model/system-json.js';
import {
  FREE_HEADER, freeCells, MEMINFO_HEADER, meminfoCells, PRESSURE_HEADER, PRESSURE_MISSING, pressureCells, RATE_IDS, rateCells,
} from '../model/system-cells.js';
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
  return formatTable(FREE_HEADER.map((title, i) => (i === 0 ? left(title) : right(title))), freeCells(f), { gap: 3 });
}

export function ratesText(rates: VmstatRates): string {
  return formatTable(RATE_IDS.map(right), [rateCells(rates)], { gap: 2 });
}

export function pressureText(p: SystemSample['pressure']): string {
  const rows = pressureCells(p);
  if (rows === null) return `${PRESSURE_MISSING}\n`;
  return formatTable(PRESSURE_HEADER.map((title, i) => (i === 0 ? left(title) : right(title))), rows, { gap: 2 });
}

export function meminfoText(meminfo: SystemSample['meminfo']): string {
  const [field, value, printed, meaning] = MEMINFO_HEADER;
  return formatTable([left(field), right(value), right(printed), left(meaning)], meminfoCells(meminfo), { gap: 2 });
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
