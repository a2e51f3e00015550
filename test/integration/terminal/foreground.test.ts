import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { inTerminalForeground } from '../../../src/terminal/foreground.js';

/** pts/0 as the kernel numbers it in stat's tty_nr (major 136, minor 0). */
const PTS0 = 136 << 8;

/** A real stat line (a bash on pts/0) with its group (5) and the terminal's foreground group (8). */
function line(pgrp: number, tpgid: number, ttyNr = PTS0): string {
  return `4321 (bash) S 4300 ${pgrp} 4300 ${ttyNr} ${tpgid} 4194560 1207 3517 0 1 2 1 6 3 20 0 1 0 98765 8892416 1302 ` +
    '18446744073709551615 1 1 0 0 0 0 65536 3686404 1266761467 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0\n';
}

const on = (stat: string, uiTerminal = PTS0) => inTerminalForeground({ ownStat: () => stat, uiTerminalDevice: () => uiTerminal });

test('in the foreground when the terminal\'s foreground group is the process\'s own, or there is no terminal', () => {
  assert.equal(on(line(4321, 4321)), true);
  assert.equal(on(line(4321, -1, 0)), true, 'no controlling terminal');
  assert.equal(on(line(4321, 5000)), false, 'another job has the terminal');
});

test('in the foreground, for job control, when the UI runs on a terminal other than its controlling one', () => {
  assert.equal(on(line(4321, 5000), PTS0 + 3), true, 'drawn on pts/3, controlled by pts/0');
});

test('a stat line or terminal that cannot be read counts as the foreground (the UI as before)', () => {
  const gone = () => { throw Object.assign(new Error('no /proc'), { code: 'ENOENT' }); };
  assert.equal(inTerminalForeground({ ownStat: gone, uiTerminalDevice: () => PTS0 }), true);
  assert.equal(inTerminalForeground({ ownStat: () => line(4321, 5000), uiTerminalDevice: gone }), true);
  assert.equal(on(line(4321, 5000).slice(0, 40)), true);
});

test('the kernel\'s tty_nr and st_rdev of the same terminal are one number (real /dev/ptmx and /dev/tty devices)', () => {
  // /dev/ptmx is 5:2; tty_nr of a process on it would be (5 << 8) | 2.
  const fd = openSync('/dev/ptmx', 'r+');
  try {
    assert.equal(fstatSync(fd).rdev, (5 << 8) | 2);
  } finally {
    closeSync(fd);
  }
});

test('this process\'s own stat line, read from the real /proc, says what ps says', () => {
  const ps = spawnSync('ps', ['-o', 'pgid=,tpgid=', '-p', String(process.pid)], { encoding: 'utf8' });
  assert.equal(ps.status, 0, ps.stderr);
  const [pgrp, tpgid] = ps.stdout.trim().split(/\s+/).map(Number);
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The UI's terminal taken to be the controlling one (fields 5 and 8 are what is checked here).
  const controlling = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[4]);
  const own = inTerminalForeground({ ownStat: () => stat, uiTerminalDevice: () => controlling });
  assert.equal(own, tpgid === -1 || tpgid === pgrp);
});
