// What `npm pack` puts in the package (package.json's "files"): the bundle, which is all the
// `memtop` command needs, and nothing of the sources, tests or benchmarks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

test('npm pack holds dist/bin (the command, its threads, their package scope), package.json, the README and the LICENSE; no sources or tests', () => {
  // --ignore-scripts: prepare would rebuild dist/ under the running tests.
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const [pack] = JSON.parse(run.stdout) as [{ files: { path: string }[] }];
  const paths = pack.files.map((f) => f.path).sort();
  assert.deepEqual(paths, ['LICENSE', 'README.md', 'dist/bin/libraries-worker.js', 'dist/bin/memtop.js', 'dist/bin/package.json', 'dist/bin/sampler-worker.js', 'package.json']);
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts.prepare, /npm run -s build/, 'packing (and installing from a checkout) builds first');
});
