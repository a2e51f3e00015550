import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../proc/procfs.js';
import { detectDetailFile } from './memory-detail.js';
import { withTreeCopy } from '../../test/helpers/fixture-copy.js';
import { procBasic, procNoRollup } from '../../test/helpers/paths.js';

test('a copy of /proc: any process with smaps_rollup decides, even after processes that have only smaps', () => {
  assert.equal(detectDetailFile(new ProcFs(procBasic), [1, 2, 3851]), 'smaps_rollup');
  assert.equal(detectDetailFile(new ProcFs(procNoRollup), [1, 2, 3, 4, 3851, 3852]), 'smaps');
  withTreeCopy(procBasic, (root) => {
    // The first process listed lost its rollup (refused when the tree was copied) but kept smaps.
    rmSync(join(root, '3852', 'smaps_rollup'));
    assert.equal(detectDetailFile(new ProcFs(root), [1, 3852, 3851]), 'smaps_rollup');
    assert.equal(detectDetailFile(new ProcFs(root), [3852]), 'smaps', 'only smaps anywhere: the fallback');
    assert.equal(detectDetailFile(new ProcFs(root), []), 'smaps_rollup', 'no process at all');
  });
});
