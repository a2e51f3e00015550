/**
 * Whether this process is in its terminal's foreground process group. A process in the
 * background that sets the terminal's modes is stopped by the kernel (SIGTTOU), and one that
 * reads it is stopped too (SIGTTIN): after `bg`, or `kill %1` on a stopped job (SIGTERM, then
 * SIGCONT with the job still in the background), the UI must leave the terminal alone until
 * `fg` brings it back (App.resume).
 *
 * From the process's own stat line (fields 5 and 8 of proc(5)): the terminal's foreground group
 * is the process's group, or there is no controlling terminal (-1: nothing to be stopped by).
 * Unreadable (no /proc): taken to be in the foreground, as a UI that knows no better must.
 */
import { readFileSync } from 'node:fs';
import { parsePidStat } from '../proc/pid-stat.js';

export function inTerminalForeground(readOwnStat: () => string = () => readFileSync('/proc/self/stat', 'utf8')): boolean {
  let text: string;
  try {
    text = readOwnStat();
  } catch {
    return true;
  }
  const stat = parsePidStat(text);
  return stat === null || stat.tpgid === -1 || stat.tpgid === stat.pgrp;
}
