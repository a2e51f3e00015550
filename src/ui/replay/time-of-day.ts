/**
 * Times as replay shows and reads them: the local time of day (TZ), HH:MM:SS. A typed time of day
 * is the one nearest the cursor (a recording may span midnight); an ISO date-time is exact.
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

/**
 * The moment `text` names, ms since the epoch: "HH:MM[:SS]" (local, the day nearest `nearMs`)
 * or an ISO 8601 date-time; null when it is neither. A whole second names its last millisecond,
 * so that the sample taken during that second counts as at it (as the screen shows it).
 */
export function parseMoment(text: string, nearMs: number): number | null {
  const trimmed = text.trim();
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
