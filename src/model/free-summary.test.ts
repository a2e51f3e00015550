import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeminfo } from '../proc/meminfo.js';
import { freeSummary } from './free-summary.js';
import { procBasic } from '../../test/helpers/paths.js';

const KIB = 1024;

test('the free summary of a captured meminfo, by procps-ng 4 formulas', () => {
  const meminfo = parseMeminfo(readFileSync(join(procBasic, 'meminfo'), 'utf8'));
  const free = freeSummary(meminfo);
  assert.equal(free.total, meminfo.MemTotal);
  assert.equal(free.used, meminfo.MemTotal - meminfo.MemAvailable);
  assert.equal(free.buffCache, meminfo.Buffers + meminfo.Cached + meminfo.SReclaimable);
  assert.equal(free.shared, meminfo.Shmem);
  assert.equal(free.swapUsed, meminfo.SwapTotal - meminfo.SwapFree);
});

test('kernels without MemAvailable: available is free memory', () => {
  const free = freeSummary(parseMeminfo('MemTotal: 1000 kB\nMemFree: 400 kB\nBuffers: 10 kB\nCached: 100 kB\n'));
  assert.equal(free.available, 400 * KIB);
  assert.equal(free.used, 600 * KIB);
  assert.equal(free.buffCache, 110 * KIB);
});

test('agrees with procps free -b on the live system (same formulas, a moment apart)', (t) => {
  let output: string;
  try {
    output = execFileSync('free', ['-b'], { encoding: 'utf8' });
  } catch {
    t.skip('procps free is not installed (.ci/run installs it)');
    return;
  }
  const free = freeSummary(parseMeminfo(readFileSync('/proc/meminfo', 'utf8')));
  const [total, used, , shared, buffCache, available] = output.split('\n')[1].trim().split(/\s+/).slice(1).map(Number);
  assert.equal(free.total, total);
  const slackBytes = 16 * 1024 * 1024; // memory moves between the two readings
  for (const [name, ours, theirs] of [['used', free.used, used], ['shared', free.shared, shared],
    ['buff/cache', free.buffCache, buffCache], ['available', free.available, available]] as const) {
    assert.ok(Math.abs(ours - theirs) < slackBytes, `${name}: memtop ${ours}, free ${theirs}`);
  }
});
