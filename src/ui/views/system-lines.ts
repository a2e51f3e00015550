/**
 * The System view's text: the free-style summary, vmstat rates per second, memory pressure, and
 * every /proc/meminfo field with its meaning (the memory chart is memory-graph.ts). The cells
 * come from model/system-cells.ts, as `memtop system`'s do; this file only lays them out.
 */
import { freeSummary } from '../../model/free-summary.js';
import { vmstatRates } from '../../model/system-rates.js';
import {
  FREE_HEADER, freeCells, meminfoCells, PRESSURE_HEADER, PRESSURE_MISSING, pressureCells, RATE_IDS, rateCells,
} from '../../model/system-cells.js';
import type { Store } from '../../model/store.js';
import type { Theme } from '../theme.js';
import { escapeTags } from '../safe-text.js';

function row(cells: readonly string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

export function freeLines(store: Store, theme: Theme): string[] {
  const widths = [6, 10, 10, 10, 10, 10, 10];
  const rows = freeCells(freeSummary(store.latest!.system.meminfo));
  return [theme.bold(row(FREE_HEADER, widths)), ...rows.map((cells) => row(cells, widths))];
}

export function vmstatLines(store: Store, theme: Theme): string[] {
  const { latest, previous } = store;
  const widths = RATE_IDS.map((n) => (['si', 'so', 'bi', 'bo', 'in', 'cs'].includes(n) ? 7 : 4));
  const title = theme.bold(row(RATE_IDS, widths));
  if (!latest || !previous) return [title, ' (rates need a second sample)'];
  const r = vmstatRates(previous.system, latest.system, latest.monotonicMs - previous.monotonicMs, store.pageSizeBytes);
  return [title, row(rateCells(r), widths)];
}

export function pressureLines(store: Store, theme: Theme): string[] {
  const rows = pressureCells(store.latest!.system.pressure);
  if (rows === null) return [PRESSURE_MISSING];
  const widths = [4, 8, 8, 8, 12];
  return [theme.bold(row(PRESSURE_HEADER, widths)), ...rows.map((cells) => row(cells, widths))];
}

/** Every field, in the kernel's order; HugePages_* are counts, the rest bytes. */
export function meminfoLines(store: Store, width: number, theme: Theme): string[] {
  return meminfoCells(store.latest!.system.meminfo).map(([field, value, printed, meaning]) => {
    const line = `${field.padEnd(18)}${value.padStart(8)} ${printed.padStart(14)}  ${meaning}`;
    return theme.fg('white', escapeTags(line.slice(0, width)));
  });
}
