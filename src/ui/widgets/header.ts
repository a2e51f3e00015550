/**
 * The header, htop style: memory and swap meters, memory pressure and memtop's own cost (CPU of
 * all its threads, RSS, and the last sample's time) on the left; task counts, load averages and uptime on the right.
 */
import { hiddenProcesses, hiddenText } from '../../model/hidden-processes.js';
import { freeSummary } from '../../model/free-summary.js';
import { humanBytes } from '../../model/human-units.js';
import type { Store } from '../../model/store.js';
import type { Theme } from '../theme.js';
import { meter } from './meter.js';
import { safeText } from '../safe-text.js';

export const HEADER_HEIGHT = 4;

export interface OwnCost {
  /** memtop's resident memory, bytes (all threads). */
  rssBytes: number;
  intervalMs: number;
  paused: boolean;
  /** A replay's cursor (recorded time, position, play state): shown instead of memtop's own cost. */
  replay?: string;
  /** Said after the cursor and the leak count (which a narrow screen must still show). */
  replayNote?: string | null;
}

function uptimeText(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hms = new Date((seconds % 86400) * 1000).toISOString().slice(11, 19);
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
}

function label(theme: Theme, text: string): string {
  return theme.fg('cyan', text);
}

export function headerLines(store: Store, width: number, theme: Theme, own: OwnCost): string[] {
  const sample = store.latest;
  if (!sample) return [' memtop: reading /proc…', '', '', ''];
  const half = Math.floor(width / 2) - 1;
  const f = freeSummary(sample.system.meminfo);
  // One "used" on every screen: free's, MemTotal − MemAvailable (shared memory, which cannot be
  // dropped, counts as used). Then the buffers and cache the kernel could give back, then free.
  const used = Math.max(0, f.used ?? 0);
  const reclaimable = Math.max(0, Math.min(f.buffCache, f.total - used - f.free));
  const mem = meter('Mem', [
    { value: used, color: 'green', char: '|' },
    { value: reclaimable, color: 'yellow', char: '*' },
  ], f.total, `${f.used === null ? '-' : humanBytes(used)}/${humanBytes(f.total)}`, half, theme);
  const swp = meter('Swp', [{ value: f.swapUsed ?? 0, color: 'red', char: '|' }], f.swapTotal,
    `${humanBytes(f.swapUsed)}/${humanBytes(f.swapTotal)}`, half, theme);
  const psi = sample.system.pressure;
  const pressure = psi
    ? `${label(theme, 'PSI mem avg10:')} some ${psi.some?.avg10.toFixed(2) ?? '-'}% full ${psi.full?.avg10.toFixed(2) ?? '-'}%`
    : `${label(theme, 'PSI mem:')} not available`;
  const cost = `${label(theme, 'memtop:')} ${ownCostText(sample.own.cpuPercent, own.rssBytes)} · sample ${Math.round(sample.costMs)} ms every ${own.intervalMs / 1000} s${own.paused ? ' · ' + theme.fg('red', theme.bold('PAUSED')) : ''}`;
  const suspects = store.processHistory?.suspects ?? 0;
  const leaks = suspects > 0 ? ` · ${theme.fg('red', theme.bold(`${suspects} suspected leak${suspects === 1 ? '' : 's'} (!)`))}` : '';

  let threads = 0;
  let kernel = 0;
  let running = 0;
  for (const p of sample.processes) {
    if (p.kernelThread) kernel++;
    else threads += p.threads;
    if (p.state === 'R') running++;
  }
  const hidden = hiddenText(hiddenProcesses(sample));
  const tasks = `${label(theme, 'Tasks:')} ${sample.processes.length - kernel}, ${threads} thr, ${kernel} kthr; ${running} running${hidden === null ? '' : `; ${hidden}`}`;
  const l = sample.system.loadavg;
  const load = `${label(theme, 'Load average:')} ${l ? `${l.load1.toFixed(2)} ${l.load5.toFixed(2)} ${l.load15.toFixed(2)}` : '-'}`;
  const up = `${label(theme, 'Uptime:')} ${sample.system.uptime ? uptimeText(sample.system.uptime.uptimeSeconds) : '-'}`;
  const pad = (left: string, plainLength: number) => left + ' '.repeat(Math.max(1, half + 2 - plainLength));
  return [
    pad(` ${mem}`, half + 1) + tasks,
    pad(` ${swp}`, half + 1) + load,
    pad(` ${pressure}`, 1 + plainLengthOf(pressure)) + up,
    ` ${own.replay === undefined ? cost : `${label(theme, 'Replay:')} ${safeText(own.replay)}`}${leaks}${own.replayNote ? ` · ${safeText(own.replayNote)}` : ''}`,
  ];
}

/**
 * memtop's own CPU (all its threads, since the previous sample; "-" until there is one) and
 * resident memory: what top would show for it, e.g. "3.1% CPU 58M".
 */
export function ownCostText(cpuPercent: number | null, rssBytes: number): string {
  return `${cpuPercent === null ? '-' : `${cpuPercent.toFixed(1)}%`} CPU ${humanBytes(rssBytes)}`;
}

/** Length of tagged text as drawn (tags removed, escaped braces as one character). */
export function plainLengthOf(tagged: string): number {
  return tagged.replace(/\{(open|close)\}/g, '.').replace(/\{[^{}]*\}/g, '').length;
}
