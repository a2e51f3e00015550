import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';

/** An SGR that sets a colour (foreground or background, 8, 16 or 256 colours). */
const COLOR_SGR = /\x1b\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;\d+|48;5;\d+)(?:;[0-9;]*)?m/;

async function screenWithEscapes(env: Record<string, string>): Promise<string> {
  const tmux = new Tmux(memtopCommand(), { env });
  try {
    await tmux.waitFor(/total of \d+ shown/);
    const screen = tmux.tmux(['capture-pane', '-p', '-e', '-t', 'e2e']);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
    return screen;
  } finally {
    tmux.kill();
  }
}

test('NO_COLOR=1: the UI draws without a colour (bold and inverse only); without it, in colour', async () => {
  assert.match(await screenWithEscapes({}), COLOR_SGR, 'the default has colours: the check can see them');
  const plain = await screenWithEscapes({ NO_COLOR: '1' });
  assert.doesNotMatch(plain, COLOR_SGR);
  assert.match(plain, /\x1b\[[0-9;]*7[;m]/, 'the selection bar in inverse');
});

test('TERM=dumb: one line saying why, and status 2, without touching the screen', async () => {
  const tmux = new Tmux(memtopCommand([], 'dumb'));
  try {
    assert.equal(await memtopExit(tmux), 2);
    const screen = tmux.capture();
    assert.match(screen, /^memtop: the interactive monitor needs a terminal that can move the cursor, and TERM=dumb cannot; set TERM/m);
    assert.equal(tmux.info('#{alternate_on}'), '0');
    assert.doesNotMatch(screen, /at .*\.js:\d+/, 'no stack trace');
  } finally {
    tmux.kill();
  }
});
