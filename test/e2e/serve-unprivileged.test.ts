/**
 * `memtop serve` as an unprivileged user (when the suite runs as root), via setpriv: other users'
 * smaps_rollup is refused, so their PSS/USS have no series (never 0) while RSS still has one;
 * the refusals are counted, and memtop keeps serving.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const skip = !isRoot ? 'the suite is not running as root' : !hasSetpriv ? 'setpriv is not installed' : false;

let dir = '';

before(() => {
  if (skip) return;
  // The repository may sit where nobody cannot read: run a world-readable copy of the bundle.
  dir = mkdtempSync(join(tmpdir(), 'memtop-serve-nobody-'));
  cpSync(join(repoRoot, 'dist', 'bin'), join(dir, 'dist', 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  chmodSync(dir, 0o755);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('as nobody: root\'s processes have RSS series and no PSS/USS series; refusals counted', { skip, timeout: 60_000 }, async () => {
  const serve = await startServe(['--delay', '1', '--top', '10000'], {
    prefix: ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'], bin: join(dir, 'dist', 'bin', 'memtop.js'), cwd: dir,
  });
  try {
    const text = await scrape(serve.metricsUrl);
    const mine = `pid="${process.pid}"`;
    assert.match(text, new RegExp(`^memtop_process_rss_bytes\\{${mine},[^}]*user="root"\\} \\d+$`, 'm'));
    assert.doesNotMatch(text, new RegExp(`^memtop_process_(pss|uss|swap_pss)_bytes\\{${mine},`, 'm'));
    assert.ok(Number(/^memtop_sample_processes_denied (\d+)$/m.exec(text)![1]) > 0);
    assert.match(text, /^memtop_process_pss_bytes\{pid="\d+",comm="node",user="nobody"\} \d+$/m, 'memtop\'s own PSS is known');
  } finally {
    assert.equal(await serve.stop(), 0, serve.stderr());
  }
});
