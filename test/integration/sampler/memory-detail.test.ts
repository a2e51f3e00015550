import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../../../src/proc/procfs.js';
import { detectDetailFile } from '../../../src/sampler/memory-detail.js';
import { withTreeCopy } from '../../helpers/fixture-copy.js';
import { procBasic, procNoRollup } from '../../helpers/paths.js';

test('the live /proc: /proc/self tells whether the kernel has smaps_rollup', () => {
  assert.equal(detectDetailFile(new ProcFs('/proc'), []), 'smaps_rollup');
});
