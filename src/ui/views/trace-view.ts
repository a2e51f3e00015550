/**
 * The Trace view: the live tally of one process's memory syscalls (strace, run by the trace
 * service the app was handed): per syscall the calls, calls per second, errors, bytes mapped /
 * unmapped / net and bytes per second, the brk growth, and the top stacks by net bytes. It pulls
 * the service's state when drawn; the service asks the app to draw as calls arrive. Leaving the
 * view (Backspace, F2, quitting) detaches strace: the process runs on, untraced.
 */
import type { TraceTally } from '../../trace/trace-tally.js';
import type { Rates } from '../../trace/trace-rates.js';
import { stackLine } from '../../trace/trace-summary.js';
import { humanBytes } from '../../model/human-units.js';
import type { Action } from '../key-table.js';
import type { Reaction, View, ViewContext, ViewNeeds } from '../view.js';
import { escapeTags } from '../safe-text.js';
import { visibleText } from '../../model/untrusted-text.js';
import { clip } from '../text-cell.js';
import { onlyInProcesses } from './processes-only.js';

/** What the view reads of a running trace (trace-session.ts provides it). */
export interface TraceFeed {
  readonly pid: number;
  readonly target: { comm: string };
  readonly state: 'attaching' | 'tracing' | 'ended';
  readonly endReason: string | null;
  readonly stackTraces: boolean;
  readonly startedMs: number;
  readonly endedMs: number | null;
  readonly tally: TraceTally;
  readonly rates: Rates;
  stop(): Promise<void>;
}

const signed = (bytes: number) => (bytes > 0 ? `+${humanBytes(bytes)}` : humanBytes(bytes));
/** Untrusted text made visible, cut to the width, then its tag braces escaped. */
const shown = (text: string, width: number) => escapeTags(clip(visibleText(text), width));
const rate = (perSecond: number | undefined) => (perSecond === undefined ? '-' : perSecond >= 100 ? String(Math.round(perSecond)) : perSecond.toFixed(1));

export class TraceView implements View {
  readonly id = 'trace';
  readonly title: string;
  readonly feed: TraceFeed;
  /** The view's own clock source for the elapsed time: the app's sample time is not the trace's. */
  private readonly now: () => number;
  private stackTop = 0;

  constructor(feed: TraceFeed, now: () => number = Date.now) {
    this.feed = feed;
    this.now = now;
    this.title = `${feed.target.comm} (${feed.pid}) › Trace`;
  }

  get needs(): ViewNeeds {
    return { reads: new Set(), mappingsOf: null };
  }

  render(context: ViewContext): string[] {
    const { theme, width, height } = context;
    const feed = this.feed;
    const tally = feed.tally;
    const seconds = ((feed.endedMs ?? this.now()) - feed.startedMs) / 1000;
    const state = feed.state === 'attaching' ? 'attaching strace…'
      : feed.state === 'tracing' ? `tracing with strace: ${tally.calls} memory syscalls in ${seconds.toFixed(0)} s`
        : feed.endReason !== null ? `trace ended: ${feed.endReason}` : 'detached';
    const lines: string[] = [theme.bold(shown(` ${state}`, width))];
    const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(10) : c.padStart(i <= 3 ? 8 : 10))).join(' ');
    lines.push(theme.bold(clip(row(['SYSCALL', 'CALLS', 'CALLS/S', 'ERRORS', 'MAPPED', 'UNMAPPED', 'NET', 'BYTES/S']), width)));
    let calls = 0, errors = 0, mapped = 0, unmapped = 0;
    for (const s of tally.syscallRows()) {
      const r = feed.rates.get(s.name);
      calls += s.calls;
      errors += s.errors;
      mapped += s.mappedBytes;
      unmapped += s.unmappedBytes;
      lines.push(shown(row([s.name, String(s.calls), rate(r?.callsPerSecond), String(s.errors), humanBytes(s.mappedBytes), humanBytes(s.unmappedBytes),
        signed(s.mappedBytes - s.unmappedBytes), r === undefined ? '-' : `${humanBytes(r.bytesPerSecond)}/s`]), width));
    }
    lines.push(theme.bold(clip(row(['total', String(calls), '', String(errors), humanBytes(mapped), humanBytes(unmapped), signed(mapped - unmapped), '']), width)));
    lines.push(clip(` brk growth ${signed(tally.brkGrowthBytes)}`, width));
    lines.push('');
    if (!feed.stackTraces) lines.push(clip(' no stacks: this strace cannot print them (-k needs strace built with libunwind or libdw)', width));
    else {
      lines.push(theme.bold(clip(' TOP STACKS BY NET BYTES (innermost frame first; Up/Down scroll)', width)));
      const room = Math.max(0, height - lines.length);
      const stacks = tally.topStacks(this.stackTop + room);
      this.stackTop = Math.max(0, Math.min(this.stackTop, stacks.length - 1));
      for (const s of stacks.slice(this.stackTop, this.stackTop + room)) {
        const net = s.mappedBytes - s.unmappedBytes;
        lines.push(shown(`${signed(net).padStart(8)} ${String(s.calls).padStart(7)} calls  ${stackLine(s.frames)}`, width));
      }
    }
    return lines.slice(0, height);
  }

  status(): string {
    return this.feed.state === 'ended' ? 'ended' : 'tracing slows the target · Backspace detaches';
  }

  onKey(action: Action): Reaction {
    switch (action) {
      case 'up': this.stackTop = Math.max(0, this.stackTop - 1); return { redraw: true };
      case 'down': this.stackTop++; return { redraw: true };
      case 'home': this.stackTop = 0; return { redraw: true };
      case 'escape': return { pop: true };
      case 'trace': return { message: 'already tracing this process (Backspace detaches)' };
      default: return onlyInProcesses(action) ?? {};
    }
  }

  close(): void {
    void this.feed.stop();
  }
}
