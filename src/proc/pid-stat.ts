/**
 * /proc/PID/stat: one line, "pid (comm) state ppid ...". comm is written by the process itself
 * (prctl, /proc/self/comm) and may hold spaces, parentheses and control characters, so it spans
 * from the first "(" to the LAST ")" of the line; the fields after it are plain numbers.
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
  /** (8) the foreground process group of the controlling terminal (-1: none). */
  tpgid: number;
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

/** A number field; the (n) comments count fields as proc(5) does. */
const N = '(-?\\d+)';
/** A field not read. */
const S = '-?\\d+';

/**
 * The whole line. comm is greedy: with the strict fields after it, the match takes the LAST ")"
 * that they can follow, whatever comm holds (spaces, ")", newlines: the "s" flag). Fields (3) to
 * (44) are printed by every kernel since 2.6.24, newer ones print up to (52): a line cut short
 * has fewer and does not match, so no field read here can be a number cut in the middle. A
 * regular expression runs as native code from its first use, which suits a one-shot report that
 * gives the JIT no time to warm up (bench/RESULTS.md).
 */
const STAT_LINE = new RegExp([
  '^(\\d+) \\((.*)\\) (\\S)', // (1) pid (2) comm (3) state
  `${N} ${N} ${N} ${N} ${N}`, // (4) ppid (5) pgrp (6) session (7) tty_nr (8) tpgid
  `${N} ${N} ${S} ${N} ${S}`, // (9) flags (10) minflt (11) cminflt (12) majflt (13) cmajflt
  `${N} ${N} ${S} ${S}`, // (14) utime (15) stime (16) cutime (17) cstime
  `${N} ${N} ${N} ${S}`, // (18) priority (19) nice (20) num_threads (21) itrealvalue
  `${N} ${N} ${N}`, // (22) starttime (23) vsize (24) rss
  `${S}(?: ${S}){13}`, // (25) to (38)
  `${N}(?: ${S}){5,}[ \\n]*$`, // (39) processor, then (40) to (44) at least; trailing blanks
].join(' '), 's');

/** Returns null for text that is not a whole stat line (truncated or corrupt). */
export function parsePidStat(text: string): PidStat | null {
  const m = STAT_LINE.exec(text);
  if (m === null) return null;
  return {
    pid: Number(m[1]),
    comm: m[2],
    state: m[3],
    ppid: Number(m[4]),
    pgrp: Number(m[5]),
    session: Number(m[6]),
    ttyNr: Number(m[7]),
    tpgid: Number(m[8]),
    flags: Number(m[9]),
    minorFaults: Number(m[10]),
    majorFaults: Number(m[11]),
    utimeTicks: Number(m[12]),
    stimeTicks: Number(m[13]),
    priority: Number(m[14]),
    nice: Number(m[15]),
    numThreads: Number(m[16]),
    startTimeTicks: Number(m[17]),
    vsizeBytes: Number(m[18]),
    rssPages: Number(m[19]),
    processor: Number(m[20]),
  };
}

/** Z or X: the task stat describes (a process's leader thread) has exited. */
export function isZombie(stat: PidStat): boolean {
  return stat.state === 'Z' || stat.state === 'X';
}

export function isKernelThread(stat: PidStat): boolean {
  return (stat.flags & PF_KTHREAD) !== 0;
}
