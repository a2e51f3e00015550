/** The fallback's sum of smaps against smaps_rollup on live processes (the rule: src/proc/smaps-fallback.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { disagreements } from '../../helpers/smaps-disagreements.js';
import { parseSmaps, sumSmaps } from '../../../src/proc/smaps.js';
import { parseSmapsRollup } from '../../../src/proc/smaps-rollup.js';
import { ProcFs, isFailure } from '../../../src/proc/procfs.js';
import { PROC_BASIC, PROC_NO_ROLLUP, fixturePidsWithMemory, fixtureText } from '../../fixtures/fixture-tree.js';

/** Starts a node process that allocates and touches memory, and waits until it has. */
async function startMemoryUser(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `
    const kept = [Buffer.alloc(16 << 20, 1), new Array(200000).fill(0).map((_, i) => ({ i }))];
    process.stdout.write('ready\\n');
    setInterval(() => kept.length, 1000);
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  assert.equal(chunk.toString(), 'ready\n');
  return child;
}

async function waitForState(procfs: ProcFs, pid: number, state: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const stat = procfs.readSingle(`${pid}/stat`);
    if (!isFailure(stat) && stat.slice(stat.lastIndexOf(')') + 2).startsWith(state)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`pid ${pid} never reached state ${state}`);
}

test('live: a stopped process, summed smaps equals smaps_rollup', { skip: process.platform !== 'linux' }, async () => {
  const procfs = new ProcFs('/proc');
  const child = await startMemoryUser();
  const pid = child.pid!;
  try {
    process.kill(pid, 'SIGSTOP');
    await waitForState(procfs, pid, 'T');
    // The target is stopped, but the rest of the machine is not: a process that maps or unmaps
    // the same files (node, libc) between the reads changes who shares which page. So read
    // smaps, smaps_rollup, smaps again, and compare only when the two smaps agree.
    let problems: string[] = ['not compared'];
    let mappings = 0;
    for (let attempt = 0; attempt < 10 && problems.length > 0; attempt++) {
      const before = procfs.read(`${pid}/smaps`);
      const rollup = procfs.readSingle(`${pid}/smaps_rollup`);
      const after = procfs.read(`${pid}/smaps`);
      assert.ok(!isFailure(before) && !isFailure(rollup) && !isFailure(after));
      if (JSON.stringify(sumSmaps(parseSmaps(before))) !== JSON.stringify(sumSmaps(parseSmaps(after)))) continue;
      mappings = parseSmaps(before).length;
      problems = disagreements(before, rollup);
    }
    assert.deepEqual(problems, []);
    assert.ok(mappings > 50, `node has many mappings, got ${mappings}`);
  } finally {
    process.kill(pid, 'SIGKILL');
    await once(child, 'exit');
  }
});
