/** `memtop leaks`: the rows as a table, CSV or JSON. */
import type { LeakRow } from '../model/leak-rows.js';
import { growthText } from '../model/growth-text.js';
import { durationText, humanBytes } from '../model/human-units.js';
import { visibleText } from '../model/untrusted-text.js';
import { csvLine } from './csv.js';
import { jsonOutput } from './json-output.js';
import { formatTable } from './text-table.js';

export const LEAK_MARK = 'LEAK?';

export interface LeaksRun {
  rows: LeakRow[];
  /** How long the run sampled, ms, and how many samples it took. */
  elapsedMs: number;
  samples: number;
  intervalMs: number;
  /** Ended by Ctrl-C (or a signal) before --duration. */
  interrupted: boolean;
}

function command(row: LeakRow): string {
  return visibleText(row.cmdline !== '' ? row.cmdline : `[${row.comm}]`);
}

export function leaksTable(run: LeaksRun, limit: number, maxWidth?: number): string {
  const suspects = run.rows.filter((r) => r.suspected);
  const shown = [...suspects, ...run.rows.filter((r) => !r.suspected).slice(0, limit)];
  const columns = [
    { title: 'PID', align: 'right' }, { title: 'LEAK', align: 'left' }, { title: 'GROWTH', align: 'right' }, { title: 'FIT', align: 'right' },
    { title: 'OF', align: 'left' }, { title: 'START', align: 'right' }, { title: 'END', align: 'right' }, { title: 'PEAK', align: 'right' },
    { title: 'OVER', align: 'right' }, { title: 'COMMAND', align: 'left' },
  ] as const;
  const cells = shown.map((r) => [
    String(r.pid), r.suspected ? LEAK_MARK : '', growthText(r.bytesPerMinute), r.r2.toFixed(2), r.basis.toUpperCase(),
    humanBytes(r.startBytes), humanBytes(r.endBytes), humanBytes(r.peakRssBytes), durationText(r.spanMs), command(r),
  ]);
  return formatTable(columns, cells, { maxWidth });
}

const CSV_FIELDS = ['pid', 'suspected', 'bytesPerMinute', 'r2', 'basis', 'startBytes', 'endBytes', 'peakRssBytes', 'peakUssBytes', 'spanMs', 'comm', 'cmdline'] as const;

function jsonRow(r: LeakRow) {
  return {
    pid: r.pid, suspected: r.suspected, bytesPerMinute: Math.round(r.bytesPerMinute), r2: Math.round(r.r2 * 1000) / 1000, basis: r.basis,
    startBytes: r.startBytes, endBytes: r.endBytes, peakRssBytes: r.peakRssBytes, peakUssBytes: r.peakUssBytes, spanMs: Math.round(r.spanMs),
    comm: r.comm, cmdline: r.cmdline,
  };
}

export function leaksCsv(run: LeaksRun): string {
  return csvLine(CSV_FIELDS) + run.rows.map((r) => {
    const row = jsonRow(r);
    return csvLine(CSV_FIELDS.map((f) => (typeof row[f] === 'boolean' ? (row[f] ? 1 : 0) : row[f] as string | number | null)));
  }).join('');
}

export function leaksJson(run: LeaksRun, pretty: boolean): string {
  return jsonOutput({
    elapsedMs: Math.round(run.elapsedMs), samples: run.samples, intervalMs: run.intervalMs, interrupted: run.interrupted,
    suspects: run.rows.filter((r) => r.suspected).length, processes: run.rows.map(jsonRow),
  }, pretty);
}
