/**
 * The fallback for kernels without smaps_rollup (before 4.14) is to sum /proc/PID/smaps. Both
 * ways must give the same counters:
 *  - exactly, for every counter that is a count of whole pages (Rss, Shared_*, Private_*,
 *    Referenced, Anonymous, KSM, LazyFree, AnonHugePages, *PmdMapped, *_Hugetlb, Swap);
 *  - within truncation, for the proportional ones (Pss, Pss_Dirty, SwapPss, Locked): the kernel
 *    accumulates them in fractions of a byte (PSS_SHIFT) and prints each mapping's value in whole
 *    kB, rounded down, while smaps_rollup sums the exact values and rounds once. So the summed
 *    smaps is lower by less than 1 kB per mapping: 0 <= rollup - sum < 1024 * mappings.
 *    (Measured: rollup Pss 2246656 vs summed 2239488 over 44 mappings; in the fixtures, the
 *    locker's Locked 12059 kB vs 12055 kB over 53 mappings. Locked is proportional too:
 *    fs/proc/task_mmu.c prints pss_locked.)
 * Pss_Anon, Pss_File and Pss_Shmem exist only in smaps_rollup and are not compared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseSmaps, sumSmaps } from '../../../src/proc/smaps.js';
import { parseSmapsRollup } from '../../../src/proc/smaps-rollup.js';
import { ProcFs, isFailure } from '../../../src/proc/procfs.js';
import { PROC_BASIC, PROC_NO_ROLLUP, fixturePidsWithMemory, fixtureText } from '../../fixtures/fixture-tree.js';

const PROPORTIONAL = new Set(['Pss', 'Pss_Dirty', 'SwapPss', 'Locked']);
const ROLLUP_ONLY = new Set(['Pss_Anon', 'Pss_File', 'Pss_Shmem']);

/** Every way the summed smaps disagrees with smaps_rollup; empty when they agree. */
function disagreements(smapsText: string, rollupText: string): string[] {
  const mappings = parseSmaps(smapsText);
  const sum = sumSmaps(mappings);
  const rollup = parseSmapsRollup(rollupText);
  if (!rollup) return ['smaps_rollup holds no counters'];
  if (mappings.length === 0) return ['smaps holds no mappings'];
  const problems: string[] = [];
  const shared = Object.keys(rollup).filter((key) => !ROLLUP_ONLY.has(key));
  const extra = Object.keys(sum).filter((key) => !(key in rollup));
  if (extra.length > 0) problems.push(`summed smaps has counters the rollup lacks: ${extra.join(' ')}`);
  for (const key of shared) {
    const summed = sum[key];
    if (summed === undefined) problems.push(`${key}: not in smaps`);
    else if (PROPORTIONAL.has(key)) {
      const short = rollup[key] - summed;
      if (short < 0 || short >= 1024 * mappings.length) {
        problems.push(`${key}: rollup ${rollup[key]} - sum ${summed} = ${short}, not in [0, ${1024 * mappings.length})`);
      }
    } else if (summed !== rollup[key]) problems.push(`${key}: rollup ${rollup[key]} != sum ${summed}`);
  }
  return problems;
}

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
