/**
 * The replay's keys and its line in the header: the cursor (recorded time, "sample 120 of
 * 3600", playing or paused, speed) and what each key does to it. Keys the live UI binds
 * elsewhere are taken only where they mean nothing else: `g` keeps its chart toggle in the
 * History and System views (`t` goes to a time everywhere).
 */
import type { Reaction } from '../view.js';
import { PromptOverlay } from '../widgets/prompt-overlay.js';
import type { ReplaySource } from './replay-source.js';
import { dateTimeText, parseMoment, clockText, MOMENT_FORMS } from './time-of-day.js';
import { indexAtOrBefore } from './timeline.js';

export const JUMP_MS = 60_000;

type ReplayAction = 'stepBack' | 'stepForward' | 'jumpBack' | 'jumpForward' | 'goTo' | 'speed';

const KEYS: Record<string, ReplayAction> = {
  left: 'stepBack', ',': 'stepBack', right: 'stepForward', '.': 'stepForward',
  '[': 'jumpBack', ']': 'jumpForward', g: 'goTo', t: 'goTo', x: 'speed',
};

/** Views whose own `g` stays theirs. */
const OWN_G = new Set(['history', 'system', 'mappings']);

export const REPLAY_HELP: readonly { label: string; help: string }[] = [
  { label: '← → , .', help: 'replay: one sample back / forward (< > still sort)' },
  { label: '[ ]', help: 'replay: a minute back / forward' },
  { label: 'g t', help: 'replay: go to a time, HH:MM:SS or YYYY-MM-DD HH:MM:SS (in History and System, g keeps its chart key: use t)' },
  { label: 'Z', help: 'replay: play / pause' },
  { label: 'x', help: 'replay: speed ×1 → ×10 → ×60' },
  { label: 'live-only', help: 'Mappings, Libraries, Trace (s), signals (F9 k) and nice (F7 F8) need the live process: a replay never touches one (a recorded PID may be another process now)' },
];

export const REPLAY_FOOTER: readonly [string, string][] = [
  ['F1', 'Help'], ['F2', 'Views'], ['←→', 'Step'], ['[]', 'Minute'], ['g', 'GoTo'], ['Z', 'Play'], ['x', 'Speed'], ['F10', 'Quit'],
];

/** The footer in a replay: its own keys first, then the view's that still act (not the live-only ones). */
export function replayFooter(viewKeys: readonly [string, string][]): [string, string][] {
  const taken = new Set(REPLAY_FOOTER.map(([key]) => key));
  const liveOnly = new Set(['F9', 'Enter', 's']);
  const rest = viewKeys.filter(([key, text]) => !taken.has(key) && !liveOnly.has(key) && !(key === 'Z' && text === 'Pause'));
  const quit = REPLAY_FOOTER.filter(([key]) => key === 'F10');
  return [...REPLAY_FOOTER.filter(([key]) => key !== 'F10'), ...rest.filter(([key]) => key !== 'F10'), ...quit];
}

export class ReplayController {
  readonly source: ReplaySource;
  /** Said once in the header's line and at start: the recording was cut (replayed to its last whole sample). */
  readonly note: string | null;

  /** Where the keys read so far want the cursor: moves asked in one burst of keys (keys typed during a long rebuild) are made once. */
  private wanted: number | null = null;

  constructor(source: ReplaySource, note: string | null = null) {
    this.source = source;
    this.note = note;
  }

  private get at(): number {
    return this.wanted ?? this.source.index;
  }

  private request(target: number): void {
    const scheduled = this.wanted !== null;
    this.wanted = Math.max(0, Math.min(this.source.count - 1, target));
    if (scheduled) return;
    setImmediate(() => {
      const to = this.wanted;
      this.wanted = null;
      if (to !== null) this.source.moveTo(to);
    });
  }

  /** The header's replay line (after "Replay:"), plain text. */
  cursorText(): string {
    const s = this.source;
    const at = s.index < 0 ? '-' : dateTimeText(s.timeline.timeMs(s.index));
    const state = s.playing ? `playing ×${s.speed}` : `paused (Z plays ×${s.speed})`;
    const end = s.index === s.count - 1 ? ' · end' : '';
    return `${at} · sample ${s.index + 1} of ${s.count} · ${state}${end}`;
  }

  /** While a move is under way, what the status line says instead of drawing half-built figures; null otherwise. */
  movingText(): string | null {
    const s = this.source;
    const progress = s.progress;
    if (progress === null) return null;
    return `going to ${clockText(s.timeline.timeMs(s.index))} (sample ${s.index + 1} of ${s.count}): the history up to it, ${Math.floor(progress * 100)} % — keys still act`;
  }

  /** The reaction to a replay key, or undefined when the key is not one here. */
  onKey(key: string | undefined, topViewId: string): Reaction | undefined {
    const action = key === undefined ? undefined : KEYS[key];
    if (action === undefined || (key === 'g' && OWN_G.has(topViewId))) return undefined;
    const s = this.source;
    switch (action) {
      case 'stepBack':
      case 'stepForward': {
        const delta = action === 'stepBack' ? -1 : 1;
        if (this.at + delta < 0) return { message: 'the first sample of the recording' };
        if (this.at + delta >= s.count) return { message: 'the last sample of the recording' };
        this.request(this.at + delta);
        return { redraw: true };
      }
      case 'jumpBack':
      case 'jumpForward':
        this.request(s.jumpTarget(this.at, action === 'jumpBack' ? -JUMP_MS : JUMP_MS));
        return { redraw: true };
      case 'goTo': return { overlay: this.goToPrompt() };
      case 'speed': return { redraw: true, message: `speed ×${s.cycleSpeed()}` };
    }
  }

  /** Z: play from the cursor, or pause. */
  togglePlay(): Reaction {
    const s = this.source;
    if (!s.playing && s.index === s.count - 1) return { message: 'at the end of the recording: ← [ or g to go back' };
    s.setPlaying(!s.playing);
    // The header says "playing"; a message would outlast the play (it stays until the next key).
    return s.playing ? { redraw: true } : { redraw: true, message: 'paused' };
  }

  /** Goes to the moment `text` names; the status line's message. */
  goTo(text: string): string {
    const s = this.source;
    this.wanted = null;
    const first = s.timeline.timeMs(0);
    const last = s.timeline.timeMs(s.count - 1);
    const moment = parseMoment(text, { nearMs: s.timeline.timeMs(Math.max(0, s.index)), firstMs: first, lastMs: last });
    if (moment === null) return `not a time: ${JSON.stringify(text)} (${MOMENT_FORMS})`;
    if (moment < first) {
      s.moveTo(0);
      return `${text.trim()} is before the recording: its first sample, ${clockText(first)}`;
    }
    s.moveTo(indexAtOrBefore(s.timeline, moment));
    if (moment > last + 999) return `${text.trim()} is after the recording: its last sample, ${clockText(last)}`;
    return `at ${clockText(s.timeline.timeMs(s.index))}`;
  }

  private goToPrompt(): PromptOverlay {
    return new PromptOverlay('go to time (HH:MM:SS)', '', {
      change: () => ({}),
      enter: (text) => ({ redraw: true, message: this.goTo(text) }),
      cancel: () => ({ redraw: true }),
    });
  }
}
