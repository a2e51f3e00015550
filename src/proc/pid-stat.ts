/**
 * /proc/PID/stat: one line, "pid (comm) state ppid ...". comm is written by the process itself
 * (prctl, /proc/self/comm) and may hold spaces, parentheses and control characters, so it spans
 * from the first "(" to the LAST ")" of the line; the fields after it are split on spaces.
 * Field numbers below are those of proc(5).
 */
import { decimalAt } from './decimal.js';

export interface PidStat {
  pid: number;
  /** (2) the raw command name, up to 15 bytes, untrusted. */
  comm: string;
  /** (3) R, S, D, Z, T, t, X, I, ... */
  state: string;
  /** (4) */
  ppid: number;
  /** (5) process group, (6) session, (7) controlling terminal */
  pgrp: number;
  session: number;
  ttyNr: number;
  /** (9) PF_* flags; PF_KTHREAD marks a kernel thread. */
  flags: number;
  /** (10) minor and (12) major page faults */
  minorFaults: number;
  majorFaults: number;
  /** (14) (15) CPU time in user and kernel mode, clock ticks (USER_HZ). */
  utimeTicks: number;
  stimeTicks: number;
  /** (18) (19) */
  priority: number;
  nice: number;
  /** (20) */
  numThreads: number;
  /** (22) start time after boot, clock ticks: with pid, the identity of a process. */
  startTimeTicks: number;
  /** (23) virtual size, bytes. */
  vsizeBytes: number;
  /** (24) resident set size, pages. */
  rssPages: number;
  /** (39) CPU last run on. */
  processor: number;
}

/** PF_KTHREAD in include/linux/sched.h. */
export const PF_KTHREAD = 0x00200000;

/** Fields (3) to (44) are printed by every kernel since 2.6.24; newer ones print up to (52). */
const MIN_FIELDS_AFTER_COMM = 42;
/** The last field read here: (39) processor. */
const LAST_FIELD_READ = 39;

// Where each field after comm starts and ends, reused by every call (parsing is synchronous).
const fieldStart = new Int32Array(LAST_FIELD_READ);
const fieldEnd = new Int32Array(LAST_FIELD_READ);

/**
 * Returns null for text that is not a whole stat line (truncated or corrupt). A line cut short
 * has fewer than 44 fields: requiring them all means every field read here was followed by a
 * space, so none of them is a number cut in the middle. Parsed for every process on every tick,
 * so it scans indexes instead of splitting the line.
 */
export function parsePidStat(text: string): PidStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 2 || close < open || text.charCodeAt(open - 1) !== 32 || text.charCodeAt(close + 1) !== 32) return null;
  const pid = decimalAt(text, 0, open - 1);
  if (!(pid >= 0)) return null;

  let length = text.length;
  while (length > close && (text.charCodeAt(length - 1) === 10 || text.charCodeAt(length - 1) === 32)) length--;
  let fields = 0;
  let start = close + 2;
  for (let i = start; i <= length; i++) {
    if (i < length && text.charCodeAt(i) !== 32) continue;
    if (fields < LAST_FIELD_READ) {
      fieldStart[fields] = start;
      fieldEnd[fields] = i;
    }
    fields++;
    start = i + 1;
  }
  // fieldStart[0] is field (3), so field (n) is at index n - 3.
  if (fields < MIN_FIELDS_AFTER_COMM || fieldEnd[0] - fieldStart[0] !== 1) return null;
  const num = (n: number) => decimalAt(text, fieldStart[n - 3], fieldEnd[n - 3]);
  const stat: PidStat = {
    pid,
    comm: text.slice(open + 1, close),
    state: text.charAt(fieldStart[0]),
    ppid: num(4),
    pgrp: num(5),
    session: num(6),
    ttyNr: num(7),
    flags: num(9),
    minorFaults: num(10),
    majorFaults: num(12),
    utimeTicks: num(14),
    stimeTicks: num(15),
    priority: num(18),
    nice: num(19),
    numThreads: num(20),
    startTimeTicks: num(22),
    vsizeBytes: num(23),
    rssPages: num(24),
    processor: num(39),
  };
  for (const value of Object.values(stat)) {
    if (typeof value === 'number' && Number.isNaN(value)) return null;
  }
  return stat;
}

export function isKernelThread(stat: PidStat): boolean {
  return (stat.flags & PF_KTHREAD) !== 0;
}
