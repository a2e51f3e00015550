import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { startMemhog, type Helper } from '../helpers/live-helpers.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('Libraries view: one 8 MiB file mapped by 4 helpers is a row with 4 processes and PSS 8.00M; Enter lists the four', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-libs-'));
  const file = join(dir, 'shared-8m.bin');
  writeFileSync(file, randomBytes(8 * 1024 * 1024));
  const helpers: Helper[] = [];
  t.after(() => { helpers.forEach((h) => h.stop()); rmSync(dir, { recursive: true, force: true }); });
  for (let i = 0; i < 4; i++) helpers.push(await startMemhog(['mapfile', file]));
  const pids = helpers.map((h) => h.pids[0]);

  const tmux = new Tmux(memtopCommand(['--pid', pids.join(',')]), { columns: 160 });
  try {
    await tmux.waitFor(/total of 4 shown/);
    tmux.send('F2');
    const picker = await tmux.waitFor(/Views — Enter replaces/);
    const labels = picker.split('\n').filter((l) => /│.*(Processes|Mappings|History|Trace|Tree|Programs|Users|Containers|Libraries|System) {2,}/.test(l));
    const at = labels.findIndex((l) => /Libraries/.test(l));
    assert.ok(at > 0, picker);
    for (let i = 0; i < at; i++) tmux.send('Down');
    tmux.send('Enter');
    await tmux.waitForAll([
      /Libraries +\d+ files · sort PSS desc/,
      /read the smaps of 4 processes in \d+\.\d s/,
      new RegExp(`^ +4 +\\S+ +8\\.00M +0B +0B ${escape(file)}`, 'm'),
    ]);
    tmux.send('Enter');
    const screen = await tmux.waitFor(new RegExp(`Libraries › ${escape(file)} mappers +4 of \\d+ processes`));
    for (const pid of pids) assert.match(screen, new RegExp(`^ *${pid} `, 'm'));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
