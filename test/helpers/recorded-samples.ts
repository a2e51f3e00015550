/**
 * Real samples for recording tests: the sampler run over a copy of the proc-basic fixture tree
 * (real /proc captures), with the tree changed between ticks as a live system changes: a
 * process's memory grows, one exits, one starts, a PID is reused by a new process, meminfo moves.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../../src/proc/procfs.js';
import { Sampler } from '../../src/sampler/sampler.js';
import type { Sample } from '../../src/sampler/sample.js';
import type { ReadNeed } from '../../src/sampler/read-needs.js';
import { FakeClock } from './fake-clock.js';
import { copyTree } from './fixture-copy.js';
import { procBasic } from './paths.js';

const NEEDS = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline', 'cgroup', 'peak']);

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** `count` samples one second apart (at least 6, so every kind of change happens). */
export function recordedSamples(count = 8): Sample[] {
  const tree = copyTree(procBasic);
  try {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(tree.root), clock, needs: NEEDS, exact: true, intervalMs: 1000, trustLastPid: false });
    const samples: Sample[] = [];
    for (let tick = 0; tick < count; tick++) {
      if (tick > 0) clock.advance(1000);
      change(tree.root, tick);
      samples.push(sampler.sample());
    }
    return samples;
  } finally {
    tree.remove();
  }
}

function change(root: string, tick: number): void {
  // Memory moves every tick: MemFree and a process's resident size.
  edit(join(root, 'meminfo'), (t) => t.replace(/^(MemFree:\s+)(\d+)/m, (_m, head: string, kb: string) => `${head}${Number(kb) - 4 * tick}`));
  edit(join(root, '3851/smaps_rollup'), (t) => t.replace(/^(Private_Dirty:\s+)(\d+)/m, (_m, head: string, kb: string) => `${head}${Number(kb) + 8 * tick}`)
    .replace(/^(Rss:\s+)(\d+)/m, (_m, head: string, kb: string) => `${head}${Number(kb) + 8 * tick}`)
    .replace(/^(Pss:\s+)(\d+)/m, (_m, head: string, kb: string) => `${head}${Number(kb) + 8 * tick}`));
  if (tick === 2) rmSync(join(root, '3852'), { recursive: true });
  if (tick === 3) cpSync(join(root, '3853'), join(root, '4000'), { recursive: true });
  if (tick === 4) {
    // PID 3853 exits and the PID is taken by a new process: another start time.
    edit(join(root, '3853/stat'), (t) => {
      const close = t.lastIndexOf(')');
      const fields = t.slice(close + 2).split(' ');
      fields[19] = String(Number(fields[19]) + 500); // field 22, starttime
      return `${t.slice(0, close + 2)}${fields.join(' ')}`;
    });
  }
  if (tick === 5) edit(join(root, '3855/status'), (t) => t.replace(/^State:.*$/m, 'State:\tR (running)'));
}
