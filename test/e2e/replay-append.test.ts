/**
 * A recording appended to by a second `memtop record` replays as one timeline in a real
 * terminal (tmux): every sample of both sessions, stepped across the join, with the helper's row
 * on both sides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { runMemtop } from '../helpers/run-memtop.js';
import { startMemhog } from '../helpers/live-helpers.js';
import { narrowProc } from '../helpers/narrow-proc.js';

test('two sessions in one file replay as one timeline, across the join', { timeout: 120_000 }, async (t) => {
  const hog = await startMemhog(['private', '8']);
  const proc = narrowProc(hog.pids);
  const dir = mkdtempSync(join(tmpdir(), 'memtop-replay-append-'));
  t.after(() => { hog.stop(); proc.remove(); rmSync(dir, { recursive: true, force: true }); });
  const file = join(dir, 'two.ndjson');
  for (let session = 0; session < 2; session++) {
    const run = runMemtop(['record', '-o', file, '-d', '0.5', '--count', '3', '--proc', proc.root]);
    assert.equal(run.status, 0, run.stderr);
  }
  const tmux = new Tmux(memtopCommand(['replay', file, '--at', 'end']), { columns: 150, rows: 30 });
  t.after(() => tmux.kill());
  const row = new RegExp(`^ *${hog.pids[0]} `, 'm');
  await tmux.waitForAll([/sample 6 of 6 /, row]);
  for (const at of [5, 4, 3, 2]) {
    tmux.send('Left');
    await tmux.waitForAll([new RegExp(`sample ${at} of 6 `), row]);
  }
  tmux.send('Right', 'Right');
  await tmux.waitForAll([/sample 4 of 6 /, row]);
  tmux.send('q');
  assert.equal(await memtopExit(tmux), 0);
});
