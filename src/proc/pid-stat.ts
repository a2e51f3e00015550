/**
 * /proc/PID/stat: one line, "pid (comm) state ppid ...". comm is written by the process itself
 * (prctl, /proc/self/comm) and may hold spaces, parentheses and control characters, so it spans
 * from the first "(" to the LAST ")" of the line; the fields after it are split on spaces.
 * Field numbers below are those of proc(5).
 */

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

/**
 * Returns null for text that is not a whole stat line (truncated or corrupt). A line cut short
 * has fewer than 44 fields: requiring them all means every field read here was followed by a
 * space, so none of them is a number cut in the middle.
 */
export function parsePidStat(text: string): PidStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const pidText = text.slice(0, open).trim();
  const f = text.slice(close + 2).trim().split(' ');
  // f[0] is field (3), so field (n) is f[n - 3].
  if (!/^\d+$/.test(pidText) || f.length < MIN_FIELDS_AFTER_COMM || f[0].length !== 1) return null;
  const num = (n: number) => Number(f[n - 3]);
  const stat: PidStat = {
    pid: Number(pidText),
    comm: text.slice(open + 1, close),
    state: f[0],
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
    if (typeof value === 'number' && !Number.isInteger(value)) return null;
  }
  return stat;
}

export function isKernelThread(stat: PidStat): boolean {
  return (stat.flags & PF_KTHREAD) !== 0;
}
