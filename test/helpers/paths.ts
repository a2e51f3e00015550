/** Paths of the repository, for tests compiled into dist/ (they run from dist/test/... or dist/src/...). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('/dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const procBasic = join(fixturesDir, 'proc-basic');
export const procNoRollup = join(fixturesDir, 'proc-no-rollup');
/** The built command line: run it with process.execPath. */
export const memtopBin = join(repoRoot, 'dist', 'bin', 'memtop.js');
