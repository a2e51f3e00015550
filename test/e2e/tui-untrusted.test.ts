import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, startNamedHelper } from '../helpers/tmux-memtop.js';

test('a process named with escape sequences and {bold} shows as inert text; the pane title stays', async (t) => {
  // An OSC title change, a colour, tag braces and a bell.
  const helper = await startNamedHelper('evil\u001b]2;pwned-title\u0007{bold}BOLD{/bold}\u001b[31mred\u0007');
  t.after(() => helper.kill('SIGKILL'));
  const tmux = new Tmux(memtopCommand());
  try {
    const titleBefore = tmux.info('#{pane_title}');
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('\\');
    tmux.type('evil');
    // Its row starts with its PID (the header's figures may hold the same digits).
    const isRow = (line: string) => new RegExp(`^ *${helper.pid} `).test(line);
    const screen = await tmux.waitFor((s) => s.includes('total of 1 shown') && s.split('\n').some(isRow));
    const row = screen.split('\n').find(isRow)!;
    assert.match(row, /evil\\x1b\]2;pwned-title\\x07\{bold\}BOLD\{\/bold\}\\x1b\[31mred\\x07/);
    tmux.send('Enter', 'Enter'); // into its Mappings: the breadcrumb shows the comm
    await tmux.waitForAll([/total of \d+ maps/, /Processes › evil\\x1b\]2;pwned-/]);
    assert.equal(tmux.info('#{pane_title}'), titleBefore);
    assert.doesNotMatch(tmux.info('#{pane_title}'), /pwned/);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
