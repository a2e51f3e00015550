/**
 * Times as replay shows and reads them: the local time of day (TZ), HH:MM:SS. A typed time of day
 * is the one nearest the cursor (a recording may span midnight); an ISO date-time is exact; `end`
 * and `+SECONDS` (from the first sample) as in `memtop snapshot --from --at`.
 */

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "HH:MM:SS", local time. */
export function clockText(timeMs: number): string {
  const d = new Date(timeMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** "YYYY-MM-DD HH:MM:SS", local time. */
export function dateTimeText(timeMs: number): string {
  const d = new Date(timeMs);
  const date = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  return `${date} ${clockText(timeMs)}`;
}

export const MOMENT_FORMS = 'HH:MM:SS, YYYY-MM-DD HH:MM:SS, +SECONDS or end';

export interface MomentFrame {
  /** A time of day means the one nearest this. */
  nearMs: number;
  /** The first and last samples' times (+SECONDS counts from the first). */
  firstMs: number;
  lastMs: number;
}

/**
 * The moment `text` names, ms since the epoch: "HH:MM[:SS]" (local, the day nearest
 * `frame.nearMs`), an ISO 8601 date-time, "+SECONDS" or "end"; null when it is none of them.
 * A whole second names its last millisecond, so that the sample taken during that second counts
 * as at it (the screen shows whole seconds).
 */
export function parseMoment(text: string, frame: MomentFrame): number | null {
  const trimmed = text.trim();
  if (trimmed === 'end') return frame.lastMs;
  const offset = /^\+(\d+(?:\.\d+)?)$/.exec(trimmed);
  if (offset) return frame.firstMs + Number(offset[1]) * 1000;
  const nearMs = frame.nearMs;
  const m = TIME_OF_DAY.exec(trimmed);
  if (m) {
    const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) return null;
    const candidates = [-1, 0, 1].map((days) => {
      const d = new Date(nearMs);
      d.setDate(d.getDate() + days);
      d.setHours(hours, minutes, seconds, 999);
      return d.getTime();
    });
    return candidates.reduce((best, t) => (Math.abs(t - nearMs) < Math.abs(best - nearMs) ? t : best));
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(trimmed)) return null;
  const ms = Date.parse(trimmed.replace(' ', 'T'));
  if (Number.isNaN(ms)) return null;
  // Without fractional seconds, the whole second (as for HH:MM:SS).
  return /\.\d+/.test(trimmed) ? ms : ms + 999;
}
