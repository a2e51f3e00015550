// readHeldBytes on the live /proc: one open per file, fresh contents at every pread, a gone
// process fails (and its descriptor is closed); never held on a copy; EMFILE falls back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { ProcFs, isFailure, isGone } from '../../../src/proc/procfs.js';
import { cpuTicksOf as statCpuTicks, parsePidStat } from '../../../src/proc/pid-stat.js';
import { procBasic } from '../../helpers/paths.js';

function cpuTicksOf(procfs: ProcFs, length: number): number {
  const ticks = statCpuTicks(parsePidStat(procfs.textOf(length))!);
  assert.ok(ticks !== null, 'our own stat has CPU times');
  return ticks;
}

test('live: a held stat is opened once and read fresh each time', () => {
  const procfs = new ProcFs('/proc');
  procfs.openCounts = new Map();
  const rel = `${process.pid}/stat`;
  const first = procfs.readHeldBytes(rel);
  assert.ok(typeof first === 'number');
  const before = cpuTicksOf(procfs, first);
  const start = process.cpuUsage();
  while (process.cpuUsage(start).user < 100_000) Math.sqrt(Math.random()); // 100 ms of CPU
  const second = procfs.readHeldBytes(rel);
  assert.ok(typeof second === 'number');
  assert.ok(cpuTicksOf(procfs, second) >= before + 5, 'the CPU time just used shows');
  assert.equal(procfs.openCounts.get('stat'), 1, 'opened once');
  assert.equal(procfs.heldCount, 1);
  procfs.release(rel);
  assert.equal(procfs.heldCount, 0);
});

test('live: once the process is gone its held stat fails as gone, and is let go', async () => {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const procfs = new ProcFs('/proc');
  const rel = `${child.pid}/stat`;
  assert.ok(typeof procfs.readHeldBytes(rel) === 'number');
  child.kill('SIGKILL');
  await once(child, 'exit');
  const after = procfs.readHeldBytes(rel);
  assert.ok(isFailure(after) && isGone(after), JSON.stringify(after));
  assert.equal(procfs.heldCount, 0);
});

test('a copy of /proc: nothing is held (a file there may be removed or replaced)', () => {
  const procfs = new ProcFs(procBasic);
  assert.ok(typeof procfs.readHeldBytes('1/stat') === 'number');
  assert.equal(procfs.heldCount, 0);
});

test('live: with descriptors exhausted (ulimit -n 40), every stat is still read, the plain way', () => {
  const module = new URL('../../../src/proc/procfs.js', import.meta.url).href;
  const script = `
    const { ProcFs } = await import(${JSON.stringify(module)});
    const { spawn } = await import('node:child_process');
    const kids = Array.from({ length: 60 }, () => spawn('sleep', ['30'], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 300));
    const procfs = new ProcFs('/proc');
    let read = 0;
    for (const k of kids) if (typeof procfs.readHeldBytes(k.pid + '/stat') === 'number') read++;
    for (const k of kids) k.kill('SIGKILL');
    console.log(JSON.stringify({ read, held: procfs.heldCount }));
  `;
  const run = spawnSync('sh', ['-c', `ulimit -n 40 && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const { read, held } = JSON.parse(run.stdout) as { read: number; held: number };
  assert.equal(read, 60, 'every stat read');
  assert.ok(held < 40, `${held} held under a limit of 40`);
});

