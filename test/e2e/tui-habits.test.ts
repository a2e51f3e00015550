/**
 * The htop habits and the saved setup, end to end: the real binary in tmux, real helper
 * processes, a real config directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, startNamedHelper } from '../helpers/tmux-memtop.js';

function configHome(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-e2e-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('tag 3 of 4 helpers with Space, k, SIGTERM, confirm: exactly those 3 end', async (t) => {
  const title = `memtop-tag-${randomBytes(3).toString('hex')}`;
  const helpers = await Promise.all([1, 2, 3, 4].map(() => startNamedHelper(title)));
  t.after(() => { for (const h of helpers) h.kill('SIGKILL'); });
  const exits = helpers.map((h) => once(h, 'exit'));
  const tmux = new Tmux(memtopCommand(['--sort', 'pid', '--pid', helpers.map((h) => h.pid).join(',')]));
  try {
    await tmux.waitFor('total of 4 shown');
    tmux.send('Space', 'Space', 'Space');
    await tmux.waitFor('3 tagged (U untags)');
    tmux.send('k');
    await tmux.waitFor('Send a signal to 3 tagged processes');
    tmux.send('Enter');
    const question = await tmux.waitFor('Send SIGTERM to these 3 tagged processes?');
    // Sorted by PID: the three lowest are the tagged ones.
    const byPid = [...helpers].sort((a, b) => a.pid! - b.pid!);
    for (const h of byPid.slice(0, 3)) assert.match(question, new RegExp(`\\(${h.pid}\\), started`));
    assert.doesNotMatch(question, new RegExp(`\\(${byPid[3].pid}\\)`));
    tmux.send('y');
    await tmux.waitFor('sent SIGTERM to 3 processes');
    for (const h of byPid.slice(0, 3)) assert.equal((await exits[helpers.indexOf(h)])[1], 'SIGTERM');
    assert.equal(byPid[3].exitCode, null);
    assert.equal(byPid[3].signalCode, null);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});

test('change the sort and the columns, quit, start again: the same setup; flags still override it', async (t) => {
  const home = configHome(t);
  const env = { XDG_CONFIG_HOME: home };
  let tmux = new Tmux(memtopCommand(), { env });
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('I'); // PSS ascending
    await tmux.waitFor('sort PSS asc');
    tmux.send('c');
    await tmux.waitFor('Columns — Space toggles');
    tmux.send('Space'); // hide PID (the first shown column)
    tmux.send('Enter');
    await tmux.waitFor((s) => /^USER /m.test(s) && !/ PID USER/.test(s));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
  const saved = JSON.parse(readFileSync(join(home, 'memtop', 'config.json'), 'utf8'));
  assert.deepEqual(saved.sort, { column: 'pss', descending: false });
  assert.equal(saved.columns[0], 'user');
  assert.ok(!saved.columns.includes('pid'));
  tmux = new Tmux(memtopCommand(), { env });
  try {
    const screen = await tmux.waitFor(/total of [1-9]\d* shown/);
    assert.match(screen, /sort PSS asc/);
    assert.match(screen, /^USER +VSS/m);
    assert.doesNotMatch(screen, / PID /);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
  tmux = new Tmux(memtopCommand(['--sort', 'rss', '--columns', 'pid,rss,command']), { env });
  try {
    const screen = await tmux.waitFor(/total of [1-9]\d* shown/);
    assert.match(screen, /sort RSS desc/);
    assert.match(screen, /PID +▼RSS COMMAND/);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
  assert.deepEqual(JSON.parse(readFileSync(join(home, 'memtop', 'config.json'), 'utf8')), saved, 'one-off flags are not saved');
});

test('a corrupt config: a one-line warning, the defaults, and the file untouched after changes and quit', async (t) => {
  const home = configHome(t);
  mkdirSync(join(home, 'memtop'));
  const path = join(home, 'memtop', 'config.json');
  const corrupt = '{"sort": {"column": "uss", "descending": tru';
  writeFileSync(path, corrupt);
  const before = statSync(path).mtimeMs;
  const tmux = new Tmux(memtopCommand(), { env: { XDG_CONFIG_HOME: home } });
  try {
    const screen = await tmux.waitFor(/total of [1-9]\d* shown/);
    assert.match(screen, /config\.json: not valid JSON; using the defaults/);
    assert.match(screen, /sort PSS desc/);
    tmux.send('I');
    await tmux.waitFor('sort PSS asc');
    tmux.send('q');
    const after = await tmux.waitFor(/memtop exited with status \d+/);
    // The warning printed before the screen opened is there after it closed.
    assert.match(after, /^memtop: .*config\.json: not valid JSON; using the defaults, the file is left as it is/m);
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
  assert.equal(readFileSync(path, 'utf8'), corrupt);
  assert.equal(statSync(path).mtimeMs, before);
});

test('--no-config: the file is neither read nor written', async (t) => {
  const home = configHome(t);
  mkdirSync(join(home, 'memtop'));
  const path = join(home, 'memtop', 'config.json');
  writeFileSync(path, '{"sort": {"column": "uss", "descending": true}}\n');
  const tmux = new Tmux(memtopCommand(['--no-config']), { env: { XDG_CONFIG_HOME: home } });
  try {
    await tmux.waitFor('sort PSS desc');
    tmux.send('I');
    await tmux.waitFor('sort PSS asc');
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
  assert.equal(readFileSync(path, 'utf8'), '{"sort": {"column": "uss", "descending": true}}\n');
});
