import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';

const HEADER = /Mem\[.*\] +Tasks: \d+, \d+ thr, \d+ kthr; \d+ running/;
const TABLE = /PID USER +VSS +RSS +SHR +▼PSS +USS +SWAP +CPU% +MEM% S COMMAND/;

for (const term of ['xterm-256color', 'screen-256color', 'tmux-256color', 'linux']) {
  test(`TERM=${term}: starts with the header and the table; q exits 0 and restores the terminal`, async () => {
    const tmux = new Tmux(memtopCommand([], term));
    try {
      const parts = [HEADER, TABLE, /total of \d+ shown/, /Load average: [\d.]+ [\d.]+ [\d.]+/, /memtop: (-|[\d.]+%) CPU [\d.]+[KMG] · sample \d+ ms/,
        /^F1Help  F2Views F3SearchF4FilterF6SortByF9Kill  F10Quit/m];
      await tmux.waitForAll(parts);
      assert.equal(tmux.info('#{alternate_on}'), '1');
      tmux.send('q');
      assert.equal(await memtopExit(tmux), 0);
      assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'left the alternate screen');
      assert.equal(await tmux.waitForInfo('#{cursor_flag}', '1'), '1', 'cursor visible again');
      assert.equal(await tmux.waitForInfo('#{mouse_any_flag}', '0'), '0', 'mouse reporting off');
      assert.equal(await tmux.waitForInfo('#{keypad_flag}', '0'), '0', 'keypad mode off');
    } finally {
      tmux.kill();
    }
  });
}

test('F2 lists the views; Esc closes the list', async () => {
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of \d+ shown/);
    tmux.send('F2');
    await tmux.waitForAll([/Enter replaces the current view/, /Processes +one row per process/, /Mappings +of /, /System +meminfo, free, vmstat, pressure/]);
    tmux.send('Escape');
    await tmux.waitFor((s) => !s.includes('Enter replaces the current view'));
    tmux.send('F10');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
