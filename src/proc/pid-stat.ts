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
  /**
   * (14) (15) CPU time in user and kernel mode, clock ticks (USER_HZ). The fields from here to
   * rssPages are unsigned in the kernel: a negative value, or one beyond 2^53 − 1 (which a double
   * holds only rounded), is impossible and reads as null (see impossibleStatFields).
   */
  utimeTicks: number | null;
  stimeTicks: number | null;
  /** (18) (19) */
  priority: number;
  nice: number;
  /** (20) */
  numThreads: number;
  /** (22) start time after boot, clock ticks: with pid, the identity of a process. */
  startTimeTicks: number | null;
  /** (23) virtual size, bytes. */
  vsizeBytes: number | null;
  /** (24) resident set size, pages. */
  rssPages: number | null;
  /** (39) CPU last run on. */
  processor: number;
}

/** PF_KTHREAD in include/linux/sched.h. */
export const PF_KTHREAD = 0x00200000;

/** A number field; the (n) comments count fields as proc(5) does. */
const N = '(-?\\d+)';
/** A field the kernel prints unsigned and the line's shape depends on: a sign makes the line garbled. */
const U = '(\\d+)';
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
  `${U} ${U} ${U} ${N} ${N}`, // (4) ppid (5) pgrp (6) session (7) tty_nr (8) tpgid
  `${U} ${U} ${S} ${U} ${S}`, // (9) flags (10) minflt (11) cminflt (12) majflt (13) cmajflt
  `${N} ${N} ${S} ${S}`, // (14) utime (15) stime (16) cutime (17) cstime
  `${N} ${N} ${U} ${S}`, // (18) priority (19) nice (20) num_threads (21) itrealvalue
  `${N} ${N} ${N}`, // (22) starttime (23) vsize (24) rss
  `${S}(?: ${S}){13}`, // (25) to (38)
  `${U}(?: ${S}){5,}[ \\n]*$`, // (39) processor, then (40) to (44) at least; trailing blanks
].join(' '), 's');

/** Returns null for text that is not a whole stat line (truncated or corrupt). */
export function parsePidStat(text: string): PidStat | null {
  const m = STAT_LINE.exec(text);
  if (m === null) return null;
  // Any field read but the five unsigned ones beyond 2^53 − 1 (pid, ppid, flags, threads, nice...): garbled.
  for (const i of [1, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 20]) if (Math.abs(Number(m[i])) > Number.MAX_SAFE_INTEGER) return null;
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
    utimeTicks: unsigned(m[12]),
    stimeTicks: unsigned(m[13]),
    priority: Number(m[14]),
    nice: Number(m[15]),
    numThreads: Number(m[16]),
    startTimeTicks: unsigned(m[17]),
    vsizeBytes: unsigned(m[18]),
    rssPages: unsigned(m[19]),
    processor: Number(m[20]),
  };
}

/** A field the kernel prints unsigned: null when negative or beyond what a double holds exactly. */
function unsigned(digits: string): number | null {
  if (digits.charCodeAt(0) === 45 /* - */) return null;
  const value = Number(digits);
  return value <= Number.MAX_SAFE_INTEGER ? value : null;
}

const UNSIGNED_FIELDS = ['utimeTicks', 'stimeTicks', 'startTimeTicks', 'vsizeBytes', 'rssPages'] as const;
/** proc(5)'s names, for notes. */
const FIELD_NAMES: Record<(typeof UNSIGNED_FIELDS)[number], string> = {
  utimeTicks: 'utime', stimeTicks: 'stime', startTimeTicks: 'starttime', vsizeBytes: 'vsize', rssPages: 'rss',
};

/** True when a field was impossible (without building the list: checked for every process on every tick). */
export function hasImpossibleField(stat: PidStat): boolean {
  return stat.utimeTicks === null || stat.stimeTicks === null || stat.startTimeTicks === null || stat.vsizeBytes === null || stat.rssPages === null;
}

/** proc(5) names of the fields whose printed value was impossible (now null): ["vsize", "utime"]. */
export function impossibleStatFields(stat: PidStat): string[] {
  return UNSIGNED_FIELDS.filter((key) => stat[key] === null).map((key) => FIELD_NAMES[key]);
}

/** The start time as an identity (with the pid): −1 stands for an impossible one, which is never shown. */
export function identityStartOf(stat: PidStat): number {
  return stat.startTimeTicks ?? -1;
}

/** utime + stime, or null when either is unknown. */
export function cpuTicksOf(stat: PidStat): number | null {
  return stat.utimeTicks === null || stat.stimeTicks === null ? null : stat.utimeTicks + stat.stimeTicks;
}

/** Z or X: the task stat describes (a process's leader thread) has exited. */
export function isZombie(stat: PidStat): boolean {
  return stat.state === 'Z' || stat.state === 'X';
}

export function isKernelThread(stat: PidStat): boolean {
  return (stat.flags & PF_KTHREAD) !== 0;
}
