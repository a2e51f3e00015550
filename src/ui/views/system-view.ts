/**
 * The System view: what `free`, `vmstat 1` and `cat /proc/meminfo` show, from the samples the
 * store already has (no file is read here). A memory chart over the history is pinned to the
 * top rows (drawn by the app: View.graph; those rows are blank here); the text below it scrolls
 * with the arrows and PgUp/PgDn, so the two never overlap.
 */
import { onlyInProcesses } from './processes-only.js';
import type { Action } from '../key-table.js';
import type { GraphRequest } from '../graph-request.js';
import type { MouseInput, Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { freeLines, meminfoLines, pressureLines, vmstatLines } from './system-lines.js';
import { memoryGraph } from './memory-graph.js';
import { availableGraph, pressureGraph, swapActivityGraph } from './system-activity-graph.js';

/** What the chart shows; g steps through them. */
const CHARTS = ['memory', 'available', 'pressure', 'swap'] as const;

/** Rows the chart takes: about 45 % of the area, 10 to 16; none in an area under 16 rows. */
export function chartRows(height: number): number {
  return height < 16 ? 0 : Math.min(16, Math.max(10, Math.floor(height * 0.45)));
}

export class SystemView implements View {
  readonly id = 'system';
  readonly title = 'System';
  readonly needs: ViewNeeds = { reads: new Set(), mappingsOf: null };
  private top = 0;
  private lineCount = 0;
  private chart: (typeof CHARTS)[number] = 'memory';

  lines(context: ViewContext): string[] {
    const { store, theme, width } = context;
    if (!store.latest) return [' reading /proc…'];
    const section = (title: string) => theme.fg('cyan', theme.bold(title));
    return [
      section('Memory (free, human units)'), ...freeLines(store, theme), '',
      section('vmstat (per second; si so bi bo in bytes)'), ...vmstatLines(store, theme), '',
      section('Memory pressure (/proc/pressure/memory)'), ...pressureLines(store, theme), '',
      section('/proc/meminfo'), ...meminfoLines(store, width, theme),
    ];
  }

  /** The chart's rows in this area (0 before the first sample). */
  private chartRows(context: ViewContext): number {
    return context.store.latest ? chartRows(context.height) : 0;
  }

  render(context: ViewContext): string[] {
    const chart = this.chartRows(context);
    const textRows = context.height - chart;
    const all = this.lines(context);
    this.lineCount = all.length;
    this.top = Math.max(0, Math.min(this.top, all.length - textRows));
    return [...new Array<string>(chart).fill(''), ...all.slice(this.top, this.top + textRows)];
  }

  graph(context: ViewContext): GraphRequest | null {
    const rows = this.chartRows(context);
    const { store } = context;
    if (rows === 0) return null;
    const points = store.history.toArray();
    if (this.chart === 'available') return availableGraph(points, 0, rows);
    if (this.chart === 'pressure') return pressureGraph(points, 0, rows);
    if (this.chart === 'swap') return swapActivityGraph(points, 0, rows);
    return memoryGraph(store.history.toArray(), (store.latest!.system.meminfo.SwapTotal ?? 0) > 0, 0, rows);
  }

  status(): string {
    return `${this.chart} chart (g: next) · free · vmstat · pressure · meminfo (arrows scroll)`;
  }

  onKey(action: Action, context: ViewContext): Reaction {
    if (action === 'group') {
      this.chart = CHARTS[(CHARTS.indexOf(this.chart) + 1) % CHARTS.length];
      return { redraw: true, message: `chart: ${this.chart}` };
    }
    const textRows = context.height - this.chartRows(context);
    const page = Math.max(1, textRows - 1);
    const moves: Partial<Record<Action, number>> = { up: -1, down: 1, pageUp: -page, pageDown: page, home: -1e9, end: 1e9 };
    const delta = moves[action];
    if (delta === undefined) return onlyInProcesses(action) ?? {};
    this.top = Math.max(0, Math.min(this.top + delta, this.lineCount - textRows));
    return { redraw: true };
  }

  onMouse(input: MouseInput, context: ViewContext): Reaction {
    if (input.kind === 'wheelup') return this.onKey('up', context);
    if (input.kind === 'wheeldown') return this.onKey('down', context);
    return {};
  }
}
