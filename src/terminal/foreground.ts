/**
 * Whether this process is in its terminal's foreground process group. A process in the
 * background that sets the terminal's modes is stopped by the kernel (SIGTTOU), and one that
 * reads it is stopped too (SIGTTIN): after `bg`, or `kill %1` on a stopped job (SIGTERM, then
 * SIGCONT with the job still in the background), the UI must leave the terminal alone until
 * `fg` brings it back (terminal-hold.ts).
 *
 * From the process's own stat line (fields 5, 7 and 8 of proc(5)): in the foreground when the
 * controlling terminal's foreground group is the process's group; also when there is no
 * controlling terminal (-1), or the UI's terminal is another one (`memtop </dev/pts/3
 * >/dev/pts/3`): job control stops a process only for its controlling terminal. Unreadable (no
 * /proc): taken to be in the foreground, as a UI that knows no better must.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { parsePidStat } from '../proc/pid-stat.js';

export interface ForegroundSources {
  /** This process's stat line. */
  ownStat(): string;
  /** The device number of the UI's terminal (its input, fd 0). */
  uiTerminalDevice(): number;
}

const LIVE: ForegroundSources = {
  ownStat: () => readFileSync('/proc/self/stat', 'utf8'),
  uiTerminalDevice: () => fstatSync(0).rdev,
};

export function inTerminalForeground(sources: ForegroundSources = LIVE): boolean {
  try {
    const stat = parsePidStat(sources.ownStat());
    if (stat === null || stat.tpgid === -1 || stat.tpgid === stat.pgrp) return true;
    // (The kernel's tty_nr and glibc's st_rdev encode a device the same way below major 4096.)
    return stat.ttyNr !== sources.uiTerminalDevice();
  } catch {
    return true;
  }
}
