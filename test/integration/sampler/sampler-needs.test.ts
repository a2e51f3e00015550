// A copy of /proc whose stat is a FIFO and whose cmdline links to /dev/zero (made with mkfifo):
// the sampler refuses both files, names them, and keeps the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ProcFs } from '../../../src/proc/procfs.js';
import { Sampler } from '../../../src/sampler/sampler.js';
import { UserNames } from '../../../src/sampler/user-names.js';
import { withTreeCopy } from '../../helpers/fixture-copy.js';
import { procBasic } from '../../helpers/paths.js';

const users = new UserNames(new Map([[0, 'root']]));

test('a FIFO as stat and a link to /dev/zero as cmdline: the sample ends, names them, and keeps the rest', async () => {
  const { execFileSync } = await import('node:child_process');
  const { rmSync, symlinkSync } = await import('node:fs');
  withTreeCopy(procBasic, (root) => {
    rmSync(join(root, '3851', 'stat'));
    execFileSync('mkfifo', [join(root, '3851', 'stat')]);
    rmSync(join(root, '3852', 'cmdline'));
    symlinkSync('/dev/zero', join(root, '3852', 'cmdline'));
    const sample = new Sampler({ procfs: new ProcFs(root), users, exact: true }).sample();
    const pids = sample.processes.map((p) => p.pid);
    assert.ok(!pids.includes(3851), 'no stat, no process');
    const zero = sample.processes.find((p) => p.pid === 3852)!;
    assert.equal(zero.cmdline, '');
    assert.notEqual(zero.pssBytes, null, 'the rest of it is read');
    assert.deepEqual(sample.stats.refused.sort(), [
      `${root}/3851/stat: not a regular file (refused)`,
      `${root}/3852/cmdline: not a regular file (refused)`,
    ]);
  });
});
