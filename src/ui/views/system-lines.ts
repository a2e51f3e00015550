/**
 * The System view's text: the free-style summary, vmstat rates per second, memory pressure, and
 * every /proc/meminfo field with its meaning (the memory chart is memory-graph.ts).
 */
import { freeSummary } from '../../model/free-summary.js';
import { humanBytes } from '../../model/human-units.js';
import { meminfoMeaning } from '../../model/meminfo-meaning.js';
import { vmstatRates } from '../../model/system-rates.js';
import type { Store } from '../../model/store.js';
import type { PressureLine } from '../../proc/pressure.js';
import type { Theme } from '../theme.js';
import { escapeTags } from '../safe-text.js';

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

export function freeLines(store: Store, theme: Theme): string[] {
  const f = freeSummary(store.latest!.system.meminfo);
  const widths = [6, 10, 10, 10, 10, 10, 10];
  const h = humanBytes;
  return [
    theme.bold(row(['', 'total', 'used', 'free', 'shared', 'buff/cache', 'available'], widths)),
    row(['Mem:', h(f.total), h(f.used), h(f.free), h(f.shared), h(f.buffCache), h(f.available)], widths),
    row(['Swap:', h(f.swapTotal), h(f.swapUsed), h(f.swapFree)], widths),
  ];
}

export function vmstatLines(store: Store, theme: Theme): string[] {
  const { latest, previous } = store;
  const names = ['r', 'b', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st'];
  const widths = names.map((n) => (['si', 'so', 'bi', 'bo'].includes(n) ? 7 : ['in', 'cs'].includes(n) ? 7 : 4));
  const title = theme.bold(`${row(names, widths)}`);
  if (!latest || !previous) return [title, ' (rates need a second sample)'];
  const r = vmstatRates(previous.system, latest.system, latest.monotonicMs - previous.monotonicMs, store.pageSizeBytes);
  const bytes = (n: number | null) => (n === null ? '-' : humanBytes(n));
  const count = (n: number | null) => (n === null ? '-' : String(Math.round(n)));
  const values = [count(r.r), count(r.b), bytes(r.si), bytes(r.so), bytes(r.bi), bytes(r.bo),
    count(r.in), count(r.cs), ...[r.us, r.sy, r.id, r.wa, r.st].map(count)];
  return [title, row(values, widths)];
}

function pressureText(name: string, line: PressureLine | null): string {
  if (!line) return `${name}  -`;
  return `${name}  avg10 ${line.avg10.toFixed(2)}%  avg60 ${line.avg60.toFixed(2)}%  avg300 ${line.avg300.toFixed(2)}%  total ${(line.totalMicroseconds / 1e6).toFixed(1)} s stalled`;
}

export function pressureLines(store: Store): string[] {
  const pressure = store.latest!.system.pressure;
  if (!pressure) return ['no /proc/pressure/memory (kernel before 4.20 or without PSI)'];
  return [pressureText('some', pressure.some), pressureText('full', pressure.full)];
}

/** Every field, in the kernel's order; HugePages_* are counts, the rest bytes. */
export function meminfoLines(store: Store, width: number, theme: Theme): string[] {
  const meminfo = store.latest!.system.meminfo;
  return Object.entries(meminfo).map(([key, value]) => {
    const shown = key.startsWith('HugePages_') ? String(value) : humanBytes(value);
    const exact = key.startsWith('HugePages_') ? '' : `${Math.round(value / 1024)} kB`;
    const meaning = meminfoMeaning(key) ?? '';
    const line = `${key.padEnd(18)}${shown.padStart(8)} ${exact.padStart(14)}  ${meaning}`;
    return theme.fg('white', escapeTags(line.slice(0, width)));
  });
}
