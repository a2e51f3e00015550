/**
 * The Mappings view of a process with tens of thousands of mappings, in a real terminal: it
 * shows them all, and says how often it re-reads a smaps that takes longer than its share of
 * the interval to read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { startMemhog } from '../helpers/live-helpers.js';

test('Enter on a process with 20,000 mappings: every mapping, and the re-read period said on screen', async (t) => {
  const helper = await startMemhog(['maps', '20000']);
  t.after(() => helper.stop());
  const pid = helper.pids[0];
  const tmux = new Tmux(memtopCommand(['--delay', '0.2', '--pid', String(pid)]));
  try {
    await tmux.waitFor(/total of 1 shown/);
    tmux.send('Enter');
    const screen = await tmux.waitForAll([
      /Mappings +200\d\d mappings · sort PSS desc/,
      // 20,000 mappings take longer than a tenth of 0.2 s to read on any machine.
      /smaps re-read every \d+(\.\d)? s: it takes \d+\.\d s/,
      /^total of 200\d\d maps/m,
    ]);
    const [, everyS, takesS] = /re-read every (\d+(?:\.\d)?) s: it takes (\d+\.\d) s/.exec(screen)!;
    // Rounded on screen: to 0.1 s, and to 1 s from 10 s on.
    assert.ok(Number(everyS) + 1 >= Number(takesS) * 10, `every ${everyS} s for a read of ${takesS} s`);
    tmux.send('BSpace');
    await tmux.waitFor(/total of 1 shown/);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
