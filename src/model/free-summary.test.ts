import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { withinFreeReadings } from '../../test/helpers/free-bytes.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeminfo } from '../proc/meminfo.js';
import { freeNote, freeSummary } from './free-summary.js';
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

test('MemAvailable of 0, or above MemTotal (a container\'s figures): available is free memory, as free 4.0.2 shows', () => {
  for (const available of [0, 99_999_999_999]) {
    const free = freeSummary(parseMeminfo(`MemTotal: 1000 kB\nMemFree: 400 kB\nMemAvailable: ${available} kB\nBuffers: 10 kB\nCached: 100 kB\n`));
    assert.equal(free.available, 400 * KIB, `MemAvailable ${available} kB`);
    assert.equal(free.used, 600 * KIB, `MemAvailable ${available} kB`);
  }
});

test('SwapFree above SwapTotal, MemFree above MemTotal: used is unknown (null) with a note, never negative', () => {
  const free = freeSummary(parseMeminfo('MemTotal: 1000 kB\nMemFree: 4000 kB\nSwapTotal: 100 kB\nSwapFree: 200 kB\n'));
  assert.deepEqual([free.used, free.swapUsed], [null, null]);
  assert.equal(freeNote(free), 'meminfo is corrupt (MemFree exceeds MemTotal: used memory; SwapFree exceeds SwapTotal: used swap unknown, shown as -)');
  assert.equal(freeNote(freeSummary(parseMeminfo(readFileSync(join(procBasic, 'meminfo'), 'utf8')))), null);
});

test('fields an older kernel lacks count as 0 (no MemAvailable: taken as MemFree)', () => {
  const f = freeSummary(parseMeminfo('MemTotal: 100 kB\nMemFree: 50 kB\n'));
  assert.equal(f.free, 50 * KIB);
  assert.equal(f.buffers, 0);
  assert.equal(f.available, 50 * KIB);
  assert.equal(f.used, 50 * KIB);
});
