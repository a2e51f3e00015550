// The benchmarks' yardsticks ship in the repository (bench/yardstick/), so `npm run bench` works
// in any checkout: the files are there, the benchmarks look there, and procread builds and runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/paths.js';
import { procreadMedianMs, sharedBench, timeCommand } from './bench-tools.js';

const yardstick = join(repoRoot, 'bench', 'yardstick');

test('the yardsticks are in bench/yardstick, where the benchmarks look unless MEMTOP_SHARED_BENCH says otherwise', () => {
  for (const file of ['procread.c', 'loadgen.c', 'load.sh', 'htoprc-pss']) assert.ok(existsSync(join(yardstick, file)), file);
  assert.equal(sharedBench, process.env.MEMTOP_SHARED_BENCH ?? yardstick);
});

test('procread builds and times a sample of the live /proc', () => {
  // Built privately: the benchmarks' own $TMPDIR/memtop-procread may be running.
  const dir = mkdtempSync(join(tmpdir(), 'memtop-procread-'));
  try {
    const bin = join(dir, 'procread');
    execFileSync('gcc', ['-O2', '-o', bin, join(sharedBench, 'procread.c')]);
    assert.ok(procreadMedianMs(bin, 1) > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('timeCommand gives a real command\'s wall time, CPU time and peak RSS', () => {
  // Busy for 300 ms of CPU, with a 32 MiB buffer filled.
  const run = timeCommand([process.execPath, '-e', 'Buffer.alloc(32 << 20, 1); const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000);']);
  assert.equal(run.status, 0);
  assert.ok(run.cpuMs >= 250, `cpu ${run.cpuMs} ms`);
  assert.ok(run.wallMs >= run.cpuMs * 0.5, `wall ${run.wallMs} ms`);
  assert.ok(run.maxRssKiB >= 32 * 1024, `peak ${run.maxRssKiB} KiB`);
});
