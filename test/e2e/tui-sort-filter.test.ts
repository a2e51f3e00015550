import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, startNamedHelper } from '../helpers/tmux-memtop.js';

/** The PIDs of the table's rows as shown on screen (rows start below the title line). */
function pidsOnScreen(screen: string): number[] {
  const lines = screen.split('\n');
  const title = lines.findIndex((l) => /^ +.?PID USER/.test(l));
  return lines.slice(title + 1).map((l) => /^ +(\d+) \S/.exec(l)?.[1]).filter((x): x is string => x !== undefined).map(Number);
}

function isSorted(numbers: number[], descending = false): boolean {
  return numbers.every((n, i) => i === 0 || (descending ? numbers[i - 1] >= n : numbers[i - 1] <= n));
}

test('< and > change the sort column and the rows on screen follow', async () => {
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('<', '<', '<', '<', '<'); // PSS → SHR → RSS → VSS → USER → PID
    // A capture can fall between the title's redraw and the rows' (tmux gets the frame in
    // pieces): wait for a screen whose title and rows both show the new order.
    const ascending = (s: string) => /▲PID USER/.test(s) && pidsOnScreen(s).length > 5 && isSorted(pidsOnScreen(s));
    let screen = await tmux.waitFor(ascending);
    assert.match(screen, /sort PID asc/);
    tmux.send('I');
    const descending = (s: string) => /▼PID USER/.test(s) && pidsOnScreen(s).length > 5 && isSorted(pidsOnScreen(s), true);
    screen = await tmux.waitFor(descending);
    assert.match(screen, /sort PID desc/);
    tmux.send('>');
    screen = await tmux.waitFor(/USER▲/);
    assert.match(screen, /sort USER asc/);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});

test('\\ filters the table down to the helper; Esc clears the filter', async (t) => {
  const helper = await startNamedHelper('memtop-filter-helper');
  t.after(() => helper.kill('SIGKILL'));
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('\\');
    tmux.type('memtop-filter-helper');
    // (A prefix typed so far may already leave one row: wait for the whole filter.)
    const screen = await tmux.waitFor((s) => /total of 1 shown/.test(s) && /Filter: memtop-filter-helper_/.test(s) && pidsOnScreen(s).length > 0);
    assert.deepEqual(pidsOnScreen(screen), [helper.pid]);
    tmux.send('Enter');
    await tmux.waitFor(/filter "memtop-filter-helper"/);
    tmux.send('Escape');
    await tmux.waitFor((s) => /total of ([2-9]|\d\d+) shown/.test(s));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
