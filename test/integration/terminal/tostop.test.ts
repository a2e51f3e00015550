import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { backgroundWritesStop } from '../../../src/terminal/tostop.js';

/** `stty -g` of a terminal in bash's line mode, without and with tostop (lflag 8a3b / 8b3b). */
const PLAIN = '500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0';
const TOSTOP = '500:5:bf:8b3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0';

test('TOSTOP read from the local modes of `stty -g`', () => {
  assert.equal(backgroundWritesStop(() => PLAIN), false);
  assert.equal(backgroundWritesStop(() => TOSTOP), true);
});

test('modes that cannot be read or parsed: taken as stopping (nothing is written)', () => {
  assert.equal(backgroundWritesStop(() => null), true);
  assert.equal(backgroundWritesStop(() => 'garbage'), true);
  assert.equal(backgroundWritesStop(() => '500:5:bf:zz:3'), true);
});

test('a real terminal\'s modes, as the stty on this machine prints them, with tostop off and on', () => {
  // A pseudo-terminal of our own: its slave side is a real terminal stty can set and read.
  const script = 'stty -tostop; a=$(stty -g); stty tostop; b=$(stty -g); echo "$a $b"';
  const run = spawnSync('script', ['-qec', script, '/dev/null'], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  assert.equal(run.status, 0, run.stderr);
  const [off, on] = run.stdout.trim().split(/\s+/).slice(-2);
  assert.equal(backgroundWritesStop(() => off), false, off);
  assert.equal(backgroundWritesStop(() => on), true, on);
});
