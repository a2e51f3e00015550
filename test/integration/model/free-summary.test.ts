import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { withinFreeReadings } from '../../helpers/free-bytes.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeminfo } from '../../../src/proc/meminfo.js';
import { freeNote, freeSummary } from '../../../src/model/free-summary.js';
import { procBasic } from '../../helpers/paths.js';

const KIB = 1024;

test('agrees with procps free -b on the live system (same formulas, read between two of its readings)', (t) => {
  try {
    execFileSync('free', ['-V'], { stdio: 'ignore' });
  } catch {
    t.skip('procps free is not installed (.ci/run installs it)');
    return;
  }
  const { reading, before } = withinFreeReadings(() => freeSummary(parseMeminfo(readFileSync('/proc/meminfo', 'utf8'))), (free) => free,
    { slackBytes: 8 * 1024 * 1024 });
  assert.equal(reading.total, before.total);
  assert.equal(reading.swapTotal, before.swapTotal);
});
