/**
 * Tests that run memtop as `nobody` (setpriv) when the suite runs as root: why they are skipped
 * otherwise, and a world-readable copy of the built bundle (the repository may sit where nobody
 * cannot read), made before the file's tests and removed after them.
 */
import { after, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const isRoot = process.getuid?.() === 0;
export const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
export const nobodySkip: string | false = !isRoot ? 'the suite is not running as root' : !hasSetpriv ? 'setpriv is not installed' : false;

/** Registers the copy's before/after hooks; the returned function gives its directory. */
export function nobodyBundle(prefix: string): () => string {
  let dir = '';
  before(() => {
    if (nobodySkip) return;
    dir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(join(repoRoot, 'dist', 'bin'), join(dir, 'dist', 'bin'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
    chmodSync(dir, 0o755);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
