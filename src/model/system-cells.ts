/**
 * The System report's cells, once for both places that show it: the System view and `memtop
 * system`. Each function turns the data into rows of text cells; the view and the CLI only lay
 * them out (their own widths and gaps).
 */
import type { Meminfo } from '../proc/meminfo.js';
import type { Pressure, PressureLine } from '../proc/pressure.js';
import type { FreeSummary } from './free-summary.js';
import { humanBytes } from './human-units.js';
import { isCountField, meminfoMeaning } from './meminfo-meaning.js';
import { roundedRates } from './system-json.js';
import type { VmstatRates } from './system-rates.js';

/** The header of the free table: the first cell is blank (row names). */
export const FREE_HEADER = ['', 'total', 'used', 'free', 'shared', 'buff/cache', 'available'];

/** "Mem:" and "Swap:" rows, as free prints them (used = total − available). */
export function freeCells(f: FreeSummary): string[][] {
  return [
    ['Mem:', ...[f.total, f.used, f.free, f.shared, f.buffCache, f.available].map(humanBytes)],
    ['Swap:', ...[f.swapTotal, f.swapUsed, f.swapFree].map(humanBytes)],
  ];
}

export const RATE_IDS = ['r', 'b', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st'] as const;
const PER_SECOND_BYTES = new Set<string>(['si', 'so', 'bi', 'bo']);

/** One row under RATE_IDS: bytes per second in human units, counts and CPU % whole; "-" unknown. */
export function rateCells(rates: VmstatRates): string[] {
  const r = roundedRates(rates);
  return RATE_IDS.map((id) => {
    const value = r[id];
    if (value === null) return '-';
    return PER_SECOND_BYTES.has(id) ? humanBytes(value) : String(Math.round(value));
  });
}

export const PRESSURE_HEADER = ['', 'avg10', 'avg60', 'avg300', 'total'];

/** "some" and "full" rows: averages in percent to two decimals, the total stall in seconds to the ms. */
export function pressureCells(p: Pressure | null): string[][] | null {
  if (p === null) return null;
  const line = (name: string, l: PressureLine | null) => (l === null
    ? [name, '-', '-', '-', '-']
    : [name, `${l.avg10.toFixed(2)}%`, `${l.avg60.toFixed(2)}%`, `${l.avg300.toFixed(2)}%`, `${(l.totalMicroseconds / 1e6).toFixed(3)}s`]);
  return [line('some', p.some), line('full', p.full)];
}

export const PRESSURE_MISSING = 'not available (the kernel has no /proc/pressure/memory: before 4.20, or PSI off)';

export const MEMINFO_HEADER = ['field', 'value', 'as printed', 'meaning'];

/** Every field in the kernel's order: human value, the value as the kernel prints it, its meaning. */
export function meminfoCells(meminfo: Meminfo): string[][] {
  return Object.entries(meminfo).map(([field, value]) => (isCountField(field)
    ? [field, String(value), String(value), meminfoMeaning(field) ?? '']
    : [field, humanBytes(value), `${value / 1024} kB`, meminfoMeaning(field) ?? '']));
}
