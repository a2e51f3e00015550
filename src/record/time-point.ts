/**
 * A moment of a recording, as a user names it: `end`, `+SECONDS` from the first sample, an ISO
 * time (`2026-12-07T14:03:00`, `…Z`), or `HH:MM[:SS]` of the recording's day in local time (the
 * first such time at or after the recording's start, so a recording past midnight reaches the
 * next day). It resolves to the last sample taken at or before that moment.
 */

export type TimePoint =
  | { kind: 'end' }
  | { kind: 'offset'; ms: number }
  | { kind: 'absolute'; ms: number }
  | { kind: 'clock'; msOfDay: number };

/** What the syntax is, for messages. */
export const TIME_POINT_FORMS = 'HH:MM:SS, an ISO time, +SECONDS or end';

export function parseTimePoint(text: string): TimePoint | null {
  const t = text.trim();
  if (t === 'end') return { kind: 'end' };
  const offset = /^\+(\d+(?:\.\d+)?)$/.exec(t);
  if (offset) return { kind: 'offset', ms: Number(offset[1]) * 1000 };
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(t);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return null;
    return { kind: 'clock', msOfDay: ((h * 60 + m) * 60 + s) * 1000 + Math.round(Number(clock[4] ?? 0) * 1000) };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    if (Number.isFinite(ms)) return { kind: 'absolute', ms };
  }
  return null;
}

/** The samples' times, as a Recording gives them. */
export interface Timeline {
  readonly length: number;
  timeMs(index: number): number;
  indexAt(timeMs: number): number;
}

/** How far before the first sample, or after the last, a moment still names the nearest one. */
export interface Slack {
  beforeMs: number;
  afterMs: number;
}

/** The index of the sample at that moment, or why there is none (one line). */
export function resolveTimePoint(point: TimePoint, timeline: Timeline, slack: Slack): number | string {
  if (timeline.length === 0) return 'the recording holds no sample';
  const firstMs = timeline.timeMs(0);
  const lastMs = timeline.timeMs(timeline.length - 1);
  let ms: number;
  switch (point.kind) {
    case 'end': return timeline.length - 1;
    case 'offset': ms = firstMs + point.ms; break;
    case 'absolute': ms = point.ms; break;
    case 'clock': ms = clockTime(point.msOfDay, firstMs - slack.beforeMs, lastMs + slack.afterMs); break;
  }
  if (ms < firstMs - slack.beforeMs) return `that is before the recording starts (${localText(firstMs)})`;
  if (ms > lastMs + slack.afterMs) return `that is after the recording ends (${localText(lastMs)}; --at end names the last sample)`;
  return Math.max(0, timeline.indexAt(ms));
}

/**
 * Time of day `msOfDay` (local) on the day the recording starts or on the next day (a recording
 * past midnight): the one within the recording, else the one nearer to it.
 */
function clockTime(msOfDay: number, fromMs: number, toMs: number): number {
  const at = new Date(fromMs);
  at.setHours(0, 0, 0, msOfDay);
  if (at.getTime() >= fromMs) return at.getTime();
  const next = new Date(at);
  next.setDate(next.getDate() + 1);
  return next.getTime() - toMs < fromMs - at.getTime() ? next.getTime() : at.getTime();
}

/** "2026-12-07 14:03:00", local time. */
export function localText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
