/**
 * A run-time V8 flag must outlive the threads memtop starts. Observed through its effect: with
 * the young generation's growth factor at 1, V8's new space stays at its initial size however
 * much survives; at the default it doubles up to 32 MiB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapSpaceStatistics } from 'node:v8';
import { ProcFs } from '../proc/procfs.js';
import { ReadAhead } from './read-ahead.js';
import { readAheadPlan } from './read-ahead-layout.js';
import { restoreV8Flags, setV8Flag, v8FlagsForThreads } from './v8-flags.js';

function newSpaceMiBAfterSurvivors(): number {
  const keep: object[] = [];
  for (let i = 0; i < 500_000; i++) {
    keep.push({ i, text: `x${i}` });
    if (keep.length > 100_000) keep.shift();
  }
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size / 1048576;
}

test('setV8Flag keeps its flags for the threads to set again; restoreV8Flags sets them', () => {
  setV8Flag('--semi-space-growth-factor=1');
  setV8Flag('--semi-space-growth-factor=1');
  assert.deepEqual(v8FlagsForThreads(), ['--semi-space-growth-factor=1']);
  restoreV8Flags(undefined);
  restoreV8Flags(v8FlagsForThreads());
});

test('the young generation stays small after a read-ahead thread started and finished', async () => {
  setV8Flag('--semi-space-growth-factor=1');
  const procfs = new ProcFs('/proc');
  const run = ReadAhead.start(procfs.root, procfs.listPids(), readAheadPlan(procfs, true, 'smaps_rollup'));
  // Done when every process was taken by one side or the other: the thread has run its course.
  for (const index of run.order()) void index;
  await new Promise((resolve) => setTimeout(resolve, 300));
  run.finish();
  const mib = newSpaceMiBAfterSurvivors();
  assert.ok(mib <= 2, `new space ${mib} MiB`);
});
