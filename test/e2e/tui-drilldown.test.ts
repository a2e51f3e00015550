import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, startNamedHelper } from '../helpers/tmux-memtop.js';

test('Enter on a helper opens its Mappings ([heap], its binary, totals); Backspace returns with it selected', async (t) => {
  const helper = await startNamedHelper('memtop-e2e-helper');
  t.after(() => helper.kill('SIGKILL'));
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('/');
    tmux.type('memtop-e2e-helper');
    await tmux.waitFor('Search: memtop-e2e-helper');
    tmux.send('Enter');
    await tmux.waitFor((s) => !s.includes('Search:'));
    tmux.send('Enter');
    const comm = 'memtop-e2e-help'; // comm: the title cut to 15 bytes
    const binary = realpathSync(process.execPath);
    await tmux.waitForAll([
      new RegExp(`Processes › ${comm} \\(${helper.pid}\\) › Mappings +\\d+ mappings · sort PSS desc`),
      /ADDRESS +PERMS KIND +SIZE +RSS +▼PSS +USS +ΔRSS +ΔPSS +ΔUSS +DIRTY +SWAP CHG +PATH/,
      /rw-p +heap .* \[heap\]/,
      new RegExp(binary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), // the binary is listed
      /^total of \d+ maps +all +\S+ +\S+ +\S+ +\S+ +0 +0 +0 +\S+ +\S+ +\(all mappings\)/m,
    ]);
    tmux.send('BSpace');
    await tmux.waitFor(/^ Processes +\d+ of/m);
    tmux.send('F9'); // the signal dialog names the selected process
    await tmux.waitFor(`Send a signal to ${comm} (${helper.pid})`);
    tmux.send('Escape');
    await tmux.waitFor((s) => !s.includes('Send a signal to'));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
    assert.equal(helper.exitCode, null, 'the helper was not signalled');
  } finally {
    tmux.kill();
  }
});
