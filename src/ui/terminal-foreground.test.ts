import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { inTerminalForeground } from './terminal-foreground.js';

/** A real stat line (a bash on pts/0) with its group (5) and the terminal's foreground group (8). */
function line(pgrp: number, tpgid: number): string {
  return `4321 (bash) S 4300 ${pgrp} 4300 34816 ${tpgid} 4194560 1207 3517 0 1 2 1 6 3 20 0 1 0 98765 8892416 1302 ` +
    '18446744073709551615 1 1 0 0 0 0 65536 3686404 1266761467 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0\n';
}

test('in the foreground when the terminal\'s foreground group is the process\'s own, or there is no terminal', () => {
  assert.equal(inTerminalForeground(() => line(4321, 4321)), true);
  assert.equal(inTerminalForeground(() => line(4321, -1)), true, 'no controlling terminal');
  assert.equal(inTerminalForeground(() => line(4321, 5000)), false, 'another job has the terminal');
});

test('a stat line that cannot be read or parsed counts as the foreground (the UI as before)', () => {
  assert.equal(inTerminalForeground(() => { throw Object.assign(new Error('no /proc'), { code: 'ENOENT' }); }), true);
  assert.equal(inTerminalForeground(() => line(4321, 5000).slice(0, 40)), true);
});

test('this process\'s own stat line, read from the real /proc, says what ps says', () => {
  const ps = spawnSync('ps', ['-o', 'pgid=,tpgid=', '-p', String(process.pid)], { encoding: 'utf8' });
  assert.equal(ps.status, 0, ps.stderr);
  const [pgrp, tpgid] = ps.stdout.trim().split(/\s+/).map(Number);
  assert.equal(inTerminalForeground(), tpgid === -1 || tpgid === pgrp);
});
