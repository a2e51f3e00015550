/**
 * Parsers for flag values, shared by every command (commander calls them as argParsers).
 * Each throws a usage error (exit 2) that says what was wrong and what is allowed.
 */
import { usageError } from './cli-error.js';
import { isUidText } from '../model/process-filter.js';

/** Plain decimal notation: Number() would also take hex (0x1), binary and exponents. */
const DECIMAL = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;

/** A number of seconds within [min, max], e.g. --delay 0.2..3600. */
export function secondsInRange(flag: string, min: number, max: number): (text: string) => number {
  return (text: string) => {
    const value = Number(text);
    if (!DECIMAL.test(text) || value < min || value > max) {
      throw usageError(`${flag} takes a number of seconds from ${min} to ${max}, not '${text}'`);
    }
    return value;
  };
}

/** The most processes Linux can have (PID_MAX_LIMIT): a row count beyond it is a typo. */
export const MAX_COUNT = 4194304;

/** A whole number from min to max, e.g. --limit. */
export function wholeNumber(flag: string, min = 0, max = MAX_COUNT): (text: string) => number {
  return (text: string) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw usageError(`${flag} takes a whole number from ${min} to ${max}, not '${text}'`);
    return value;
  };
}

/** A PID: a positive integer. */
export function pidValue(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 4194304) {
    throw usageError(`'${text}' is not a process ID (a whole number from 1 to 4194304)`);
  }
  return Number(text);
}

/**
 * "1,2,3" → [1, 2, 3]; a repeated --pid adds to the list (commander passes the list so far). An
 * empty list or an empty item is a mistake, not "every process".
 */
export function pidList(text: string, previous?: number[]): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((item) => item === '')) throw usageError(`--pid takes PIDs separated by commas, not '${text}'`);
  return [...(previous ?? []), ...items.map(pidValue)];
}

/** The largest uid Linux gives a user (2^32 - 2; 2^32 - 1 is "no uid"). */
const MAX_UID = 4_294_967_294;

/**
 * --user: one uid (digits: compared as a number, so 0 and 00 are root; at most MAX_UID) or one
 * user name, which must be one /etc/passwd knows (see checkUserName): memtop shows users by those
 * names. Given twice it is a usage error (commander would keep the last one silently, while --pid
 * takes them all: one user per run is what the selection holds).
 */
export function userValue(text: string, previous?: string): string {
  if (previous !== undefined) throw usageError('--user takes one user; it was given twice');
  const value = text.trim();
  if (value === '') throw usageError("--user takes a user name or a uid, not ''");
  if (!isUidText(value)) return value;
  const uid = Number(value);
  if (uid > MAX_UID) throw usageError(`--user: ${value} is no uid (uids go up to ${MAX_UID})`);
  return String(uid);
}

/** A --user name that /etc/passwd does not know selects nothing: say so instead. */
export function checkUserName(user: string | undefined, known: { has(name: string): boolean }): void {
  if (user !== undefined && !isUidText(user) && !known.has(user)) {
    throw usageError(`--user: no user named '${user}' in /etc/passwd (give a uid for a user without a name)`);
  }
}

/** A regular expression for --filter (case-insensitive). */
export function regexValue(flag: string): (text: string) => RegExp {
  return (text: string) => {
    try {
      return new RegExp(text, 'i');
    } catch (err) {
      throw usageError(`${flag}: not a valid regular expression: ${(err as Error).message}`);
    }
  };
}

/** The proc root: --proc DIR, else $MEMTOP_PROC, else /proc. */
export function procRoot(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flagValue ?? (env.MEMTOP_PROC || '/proc');
}
