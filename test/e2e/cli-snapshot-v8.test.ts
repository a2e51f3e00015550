// memtop snapshot runs without V8's optimizing compiler (src/cli/snapshot-v8.ts); other runs keep it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memtopBin, procBasic } from '../helpers/paths.js';
import { generateProcTree } from '../helpers/proc-tree.js';

/** V8's %GetOptimizationStatus bit for "optimized" (src/runtime/runtime-test.cc, OptimizationStatus::kOptimized). */
const OPTIMIZED = 1 << 4;

/**
 * Runs memtop with a hook that, at exit, asks V8 to optimize a small function and prints whether
 * it was (the status word): TurboFan is on for the process unless a flag turned it off.
 */
function optimizationStatusAtExit(args: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-v8-'));
  try {
    const hook = join(dir, 'probe.cjs');
    writeFileSync(hook, [
      "process.on('exit', () => {",
      "  const probe = new Function('function f(x) { return x + 1; } %PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3); return %GetOptimizationStatus(f);');",
      "  require('node:fs').writeSync(2, `optimization-status ${probe()}\\n`);",
      '});',
    ].join('\n'));
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--require', hook, memtopBin, ...args], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, MEMTOP_PROC: '' },
    });
    assert.equal(run.status, 0, run.stderr);
    const status = /optimization-status (\d+)/.exec(run.stderr);
    assert.ok(status, run.stderr);
    return Number(status[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('snapshot ends with TurboFan off; maps (JavaScript-bound on a large smaps), system and --version keep it', () => {
  assert.equal(optimizationStatusAtExit(['snapshot', '--json', '--proc', procBasic]) & OPTIMIZED, 0);
  for (const args of [['maps', '3851', '--proc', procBasic], ['system', '--json', '--proc', procBasic], ['--version']]) {
    assert.equal(optimizationStatusAtExit(args) & OPTIMIZED, OPTIMIZED, args.join(' '));
  }
});

test('with the early read-ahead thread (a tree of 400 processes) TurboFan is off at exit too: set by the thread, or at finish() when the sample ended first', (t) => {
  const tree = generateProcTree(400);
  t.after(() => tree.remove());
  assert.equal(optimizationStatusAtExit(['snapshot', '--json', '--proc', tree.root]) & OPTIMIZED, 0);
});
