/**
 * `memtop serve` as an unprivileged user (when the suite runs as root), via setpriv: other users'
 * smaps_rollup is refused, so their PSS/USS have no series (never 0) while RSS still has one;
 * the refusals are counted, and memtop keeps serving.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { nobodyBundle, nobodySkip } from '../helpers/nobody-bundle.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';

const skip = nobodySkip;
const bundleDir = nobodyBundle('memtop-serve-nobody-');

test('as nobody: root\'s processes have RSS series and no PSS/USS series; refusals counted', { skip, timeout: 60_000 }, async () => {
  const serve = await startServe(['--delay', '1', '--top', '10000'], {
    prefix: ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'], bin: join(bundleDir(), 'dist', 'bin', 'memtop.js'), cwd: bundleDir(),
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
