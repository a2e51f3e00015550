import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorAllowed, DUMB_TERMINAL, terminalRefusal } from './capability.js';

test('NO_COLOR set and not empty turns colours off; empty or unset leaves them', () => {
  assert.equal(colorAllowed({ NO_COLOR: '1' }), false);
  assert.equal(colorAllowed({ NO_COLOR: '0' }), false, 'any value, even 0');
  assert.equal(colorAllowed({ NO_COLOR: '' }), true);
  assert.equal(colorAllowed({}), true);
});

test('TERM=dumb is refused with one line; other terminals are not', () => {
  assert.equal(terminalRefusal({ TERM: 'dumb' }), DUMB_TERMINAL);
  assert.equal(DUMB_TERMINAL.split('\n').length, 2, 'one line');
  for (const term of ['xterm-256color', 'linux', 'screen-256color', 'tmux-256color']) assert.equal(terminalRefusal({ TERM: term }), null);
});
