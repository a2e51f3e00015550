/**
 * The History view: one process's memory over time, from the per-process history the store holds
 * (nothing is read here). A line chart of RSS, PSS, USS and swap is pinned to the top rows (drawn
 * by the app: View.graph); below it the growth rate and its fit, the leak verdict, and the
 * minimum, maximum and peaks of each series. `g` switches the chart between the full-resolution
 * window and the per-minute means of the longer window. Backspace returns.
 */
import { wrapAtSpaces } from '../text-wrap.js';
import type { ProcessIdentity } from '../../model/store.js';
import type { ProcessTrack } from '../../model/process-track.js';
import { growthText } from '../../model/growth-text.js';
import { durationText, humanBytes } from '../../model/human-units.js';
import { LEAK_RULE_TEXT, MIN_GROWTH_SPAN_MS } from '../../model/leak-rule.js';
import type { Action } from '../key-table.js';
import type { GraphRequest } from '../graph-request.js';
import type { Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { onlyInProcesses } from './processes-only.js';
import { processName } from './signal-flow.js';
import { chartRows } from './system-view.js';
import { historyGraph } from './history-graph.js';

/** Smallest and largest real reading of a field in the full window; null when none. */
function range(track: ProcessTrack, field: 'rss' | 'pss' | 'uss' | 'swap'): { min: number; max: number; last: number } | null {
  const { values } = track.column(field);
  let min = Infinity;
  let max = -Infinity;
  let last = NaN;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
    last = v;
  }
  return Number.isNaN(last) ? null : { min, max, last };
}

export class HistoryView implements View {
  readonly id = 'history';
  readonly title: string;
  // 'peak': VmHWM from status, which the rollup alone leaves unread.
  readonly needs: ViewNeeds = { reads: new Set(['rollup', 'peak']), mappingsOf: null };
  /** The chart shows per-minute means over the long window instead of the full resolution. */
  long = false;

  constructor(readonly target: ProcessIdentity, comm: string) {
    this.title = `${processName({ comm, pid: target.pid })} › History`;
  }

  private track(context: ViewContext): ProcessTrack | undefined {
    return context.store.processHistory?.track(this.target);
  }

  lines(context: ViewContext): string[] {
    const { store, theme } = context;
    const history = store.processHistory;
    const track = this.track(context);
    if (!history || !track) return [' no history of this process yet (it is recorded from its first sample on)'];
    const label = (text: string) => theme.fg('cyan', text.padEnd(10));
    const lines: string[] = [];
    const growth = history.growthOf(this.target);
    const gone = track.lastSeenMs !== history.latestMs;
    if (gone) lines.push(theme.fg('yellow', ` the process has exited: its history up to ${durationText(history.latestMs - track.lastSeenMs)} ago`));
    if (growth === null) {
      const seen = track.full.length > 0 ? history.latestMs - track.full.time(0) : 0;
      lines.push(`${label(' Growth')}- (needs ${MIN_GROWTH_SPAN_MS / 1000} s of data: ${Math.floor(seen / 1000)} s so far)`);
    } else {
      const verdict = growth.suspected ? theme.fg('red', theme.bold('suspected leak')) : 'no leak suspected';
      lines.push(`${label(' Growth')}${growthText(growth.fit.bytesPerMinute)} of ${growth.basis.toUpperCase()}, fit r² ${growth.fit.r2.toFixed(2)} over ${durationText(growth.fit.spanMs)} (${growth.fit.points} readings) · ${verdict}`);
    }
    const row = (name: string, field: 'rss' | 'pss' | 'uss' | 'swap', peak: string) => {
      const r = range(track, field);
      return `${label(` ${name}`)}${r === null ? '-' : `now ${humanBytes(r.last)}  min ${humanBytes(r.min)}  max ${humanBytes(r.max)}`}${peak}`;
    };
    lines.push(row('RSS', 'rss', `  peak ${humanBytes(track.peakRssBytes)} (VmHWM)`));
    lines.push(row('PSS', 'pss', `  highest seen ${humanBytes(track.peakPssBytes)}`));
    lines.push(row('USS', 'uss', `  highest seen ${humanBytes(track.peakUssBytes)}`));
    lines.push(row('Swap', 'swap', ''));
    const ages = track.column('age').values.filter((v) => !Number.isNaN(v));
    lines.push(`${label(' Readings')}${ages.length} PSS/USS readings in ${durationText(history.fullWindowMs)} (between them the chart holds the last); RSS every sample`);
    lines.push(`${label(' Window')}${this.long ? `per-minute means, ${track.minutes.length} minute${track.minutes.length === 1 ? '' : 's'} (g: full resolution)` : `full resolution, last ${durationText(history.fullWindowMs)} (g: per-minute means over ${durationText(history.minutesWindowMs)})`}`);
    wrapAtSpaces(LEAK_RULE_TEXT, Math.max(20, context.width - 11)).forEach((line, i) => lines.push(`${label(i === 0 ? ' Leak' : '')}${line}`));
    return lines;
  }

  private chartRows(context: ViewContext): number {
    return this.track(context) ? chartRows(context.height) : 0;
  }

  render(context: ViewContext): string[] {
    const chart = this.chartRows(context);
    const text = this.lines(context).slice(0, context.height - chart);
    return [...new Array<string>(chart).fill(''), ...text];
  }

  graph(context: ViewContext): GraphRequest | null {
    const rows = this.chartRows(context);
    const track = this.track(context);
    const history = context.store.processHistory;
    if (rows === 0 || !track || !history) return null;
    return historyGraph(track, history.latestMs, this.long, 0, rows);
  }

  status(): string {
    return `memory over time · ${this.long ? 'per-minute means' : 'full resolution'} (g switches)`;
  }

  onKey(action: Action): Reaction {
    if (action === 'group') {
      this.long = !this.long;
      return { redraw: true, message: this.long ? 'chart: per-minute means over the long window' : 'chart: full resolution' };
    }
    return onlyInProcesses(action) ?? {};
  }
}
