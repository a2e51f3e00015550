// A git checkout installs as a command: `npm ci` builds it (package.json's prepare) and
// `npm install -g` of the folder links a `memtop` that runs. The checkout is a private copy of
// the tracked files; the global prefix is a temporary folder, never the machine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

/** The environment without npm's lifecycle variables, as in a user's shell. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 150_000, env: shellEnv });
}

test('npm ci in a fresh checkout builds dist/bin, and npm install -g of it gives a working memtop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-checkout-'));
  try {
    const checkout = join(dir, 'memtop');
    const files = run('git', ['ls-files', '-z'], repoRoot);
    assert.equal(files.status, 0, files.stderr);
    for (const file of files.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(repoRoot, file))) continue; // deleted in the work tree, not yet committed
      mkdirSync(dirname(join(checkout, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(checkout, file));
    }
    assert.ok(!existsSync(join(checkout, 'dist')), 'the checkout starts without dist/');

    const ci = run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], checkout);
    assert.equal(ci.status, 0, `npm ci: ${ci.stderr}`);
    assert.ok(existsSync(join(checkout, 'dist', 'bin', 'memtop.js')), 'npm ci built dist/bin/memtop.js');

    const prefix = join(dir, 'global');
    const install = run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', checkout], dir);
    assert.equal(install.status, 0, `npm install -g: ${install.stderr}`);
    const snapshot = run(join(prefix, 'bin', 'memtop'), ['snapshot', '--limit', '3'], dir);
    assert.equal(snapshot.status, 0, `memtop snapshot: ${snapshot.error?.message ?? snapshot.stderr}`);
    assert.match(snapshot.stdout, /^ *PID USER +VSS +RSS/);
    assert.equal(snapshot.stdout.trim().split('\n').length, 4, 'the header and three processes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
