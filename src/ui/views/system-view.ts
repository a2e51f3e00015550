/**
 * The System view: what `free`, `vmstat 1` and `cat /proc/meminfo` show, from the samples the
 * store already has (no file is read here), scrollable with the arrows and PgUp/PgDn.
 */
import type { Action } from '../key-table.js';
import type { MouseInput, Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { freeLines, meminfoLines, pressureLines, usedSparkline, vmstatLines } from './system-lines.js';

export class SystemView implements View {
  readonly id = 'system';
  readonly title = 'System';
  readonly needs: ViewNeeds = { detail: false, mappingsOf: null };
  private top = 0;
  private lineCount = 0;

  lines(context: ViewContext): string[] {
    const { store, theme, width } = context;
    if (!store.latest) return [' reading /proc…'];
    const section = (title: string) => theme.fg('cyan', theme.bold(title));
    const spark = usedSparkline(store, Math.max(10, width - 30));
    return [
      section('Memory (free, human units)'), ...freeLines(store, theme), '',
      section('vmstat (per second; si so bi bo in bytes)'), ...vmstatLines(store, theme), '',
      section('Memory pressure (/proc/pressure/memory)'), ...pressureLines(store), '',
      section(`Memory used, last ${store.history.length} samples`), theme.fg('green', spark), '',
      section('/proc/meminfo'), ...meminfoLines(store, width, theme),
    ];
  }

  render(context: ViewContext): string[] {
    const all = this.lines(context);
    this.lineCount = all.length;
    this.top = Math.max(0, Math.min(this.top, all.length - context.height));
    return all.slice(this.top, this.top + context.height);
  }

  status(): string {
    return 'free · vmstat · pressure · meminfo (arrows scroll)';
  }

  onKey(action: Action, context: ViewContext): Reaction {
    const page = Math.max(1, context.height - 1);
    const moves: Partial<Record<Action, number>> = { up: -1, down: 1, pageUp: -page, pageDown: page, home: -1e9, end: 1e9 };
    const delta = moves[action];
    if (delta === undefined) return {};
    this.top = Math.max(0, Math.min(this.top + delta, this.lineCount - context.height));
    return { redraw: true };
  }

  onMouse(input: MouseInput, context: ViewContext): Reaction {
    if (input.kind === 'wheelup') return this.onKey('up', context);
    if (input.kind === 'wheeldown') return this.onKey('down', context);
    return {};
  }
}
