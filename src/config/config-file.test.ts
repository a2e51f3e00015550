import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configPath, loadSetup, saveSetup } from './config-file.js';
import { SetupSaver } from './setup-saver.js';

const IDS = ['pid', 'pss', 'uss', 'command'];

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the path: $XDG_CONFIG_HOME when absolute, else ~/.config', () => {
  assert.equal(configPath({ XDG_CONFIG_HOME: '/x/conf' }, '/home/a'), '/x/conf/memtop/config.json');
  assert.equal(configPath({ XDG_CONFIG_HOME: 'rel' }, '/home/a'), '/home/a/.config/memtop/config.json');
  assert.equal(configPath({}, '/home/a'), '/home/a/.config/memtop/config.json');
});

test('no file: defaults, no warning; a save makes the directory and leaves no temporary file', (t) => {
  const path = join(tempDir(t), 'memtop', 'config.json');
  assert.deepEqual(loadSetup(path, IDS), { setup: {}, warning: null, writable: true });
  assert.equal(saveSetup(path, { columns: ['pid', 'uss'] }), null);
  assert.deepEqual(loadSetup(path, IDS).setup, { columns: ['pid', 'uss'] });
  assert.deepEqual(readdirSync(join(path, '..')), ['config.json']);
});

test('a corrupt file: one-line warning, defaults, not writable (the saver never touches it)', (t) => {
  const path = join(tempDir(t), 'config.json');
  writeFileSync(path, '{"columns": ["pid",');
  const loaded = loadSetup(path, IDS);
  assert.deepEqual(loaded.setup, {});
  assert.equal(loaded.writable, false);
  assert.equal(loaded.warning, `memtop: ${path}: not valid JSON; using the defaults, the file is left as it is (--no-config skips it)`);
  assert.doesNotMatch(loaded.warning!, /\n/);
});

test('an unreadable file is reported, not thrown', (t) => {
  if (process.getuid?.() === 0) {
    // root reads a mode-000 file: a directory in the file's place fails the read instead.
    const path = join(tempDir(t), 'config.json');
    mkdirSync(path);
    assert.match(loadSetup(path, IDS).warning!, /config\.json: EISDIR; using the defaults/);
    return;
  }
  const path = join(tempDir(t), 'config.json');
  writeFileSync(path, '{}');
  chmodSync(path, 0o000);
  assert.match(loadSetup(path, IDS).warning!, /permission denied/);
});

test('a save that fails says so once, and leaves no temporary file', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'config.json');
  mkdirSync(path); // rename onto a directory fails
  const saver = new SetupSaver({}, {}, (setup) => saveSetup(path, setup));
  assert.match(saver.update({ delaySeconds: 3 }) ?? '', /^could not save the setup to .*config\.json: EISDIR/);
  assert.equal(saver.update({ delaySeconds: 4 }), null);
  assert.deepEqual(readdirSync(dir), ['config.json']);
});

test('the saver writes only when the text changes', (t) => {
  const path = join(tempDir(t), 'config.json');
  let writes = 0;
  const saver = new SetupSaver({}, { delaySeconds: 2 }, (setup) => { writes++; return saveSetup(path, setup); });
  assert.equal(saver.update({ delaySeconds: 2 }), null);
  assert.equal(writes, 0, 'nothing changed: nothing written');
  saver.update({ delaySeconds: 2, columns: ['pid'] });
  saver.update({ delaySeconds: 2, columns: ['pid'] });
  assert.equal(writes, 1);
  assert.equal(readFileSync(path, 'utf8'), '{\n  "columns": [\n    "pid"\n  ]\n}\n');
});
