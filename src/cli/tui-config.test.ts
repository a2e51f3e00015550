import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuiOptions } from './tui-command.js';

function configured(t: { after(fn: () => void): void }, text: string): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'memtop-tui-config-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, 'memtop'));
  writeFileSync(join(home, 'memtop', 'config.json'), text);
  return { XDG_CONFIG_HOME: home };
}

const base = { maxStaleness: 10, mouse: true, color: true, config: true, history: 10 };

test('the saved setup fills what no flag gives; each flag overrides its own setting', (t) => {
  const env = configured(t, JSON.stringify({ sort: { column: 'uss', descending: false }, columns: ['pid', 'uss'], delaySeconds: 5, colorScheme: 'light', tree: true }));
  const saved = tuiOptions(base, env);
  assert.equal(saved.sortColumn.id, 'uss');
  assert.equal(saved.reverse, true, 'USS sorts largest first by default: ascending is reversed');
  assert.deepEqual(saved.columns.map((c) => c.id), ['pid', 'uss']);
  assert.equal(saved.delayMs, 5000);
  assert.equal(saved.colorScheme, 'light');
  assert.equal(saved.tree, true);
  const flagged = tuiOptions({ ...base, sort: 'rss', delay: 1, columns: 'pid,rss', colorScheme: 'monochrome' }, env);
  assert.equal(flagged.sortColumn.id, 'rss');
  assert.equal(flagged.reverse, false);
  assert.deepEqual(flagged.columns.map((c) => c.id), ['pid', 'rss']);
  assert.equal(flagged.delayMs, 1000);
  assert.equal(flagged.colorScheme, 'monochrome');
  assert.notEqual(flagged.config?.save, null);
});

test('--no-config: defaults, nothing to save; a corrupt file: defaults, a warning, no saving', (t) => {
  const env = configured(t, '{"delaySeconds": 5,');
  const none = tuiOptions({ ...base, config: false }, env);
  assert.equal(none.config, undefined);
  assert.equal(none.delayMs, 2000);
  const corrupt = tuiOptions(base, env);
  assert.equal(corrupt.delayMs, 2000);
  assert.equal(corrupt.sortColumn.id, 'pss');
  assert.match(corrupt.config!.warning!, /config\.json: not valid JSON; using the defaults/);
  assert.equal(corrupt.config!.save, null);
});

test('--color-scheme takes one of the three', () => {
  assert.throws(() => tuiOptions({ ...base, colorScheme: 'neon', config: false }, {}), /--color-scheme takes one of default, monochrome, light/);
});
