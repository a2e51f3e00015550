/**
 * The incremental tick's reads through memtop's own read call and nothing else: what a Node
 * sampler's tick costs before it does anything with what it read. The same reads as
 * bench/tick-floor.c (meminfo and loadavg; stat of every PID, listed once; smaps_rollup of a
 * round-robin ninth), each through ProcFs.readSingleBytes: fs.openSync/readSync/closeSync into
 * one reused buffer. Next to tick-floor.c's figure it shows what Node's own
 * calls add to the kernel's work; next to memtop's tick, what memtop adds to them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ProcFs } from '../src/proc/procfs.js';
import { median } from './bench-tools.js';

/** The median tick, ms, over `ticks` ticks each after `pauseMs` of sleep (one unmeasured tick first). */
export async function nodeTickFloorMs(ticks: number, pauseMs: number, share = 9): Promise<number> {
  const procfs = new ProcFs('/proc');
  const pids = procfs.listPids();
  const tick = (t: number): void => {
    procfs.readSingleBytes('meminfo');
    procfs.readSingleBytes('loadavg');
    for (let i = 0; i < pids.length; i++) {
      procfs.readSingleBytes(`${pids[i]}/stat`);
      if ((i + t) % share === 0) procfs.readSingleBytes(`${pids[i]}/smaps_rollup`);
    }
  };
  tick(0);
  const times: number[] = [];
  for (let t = 1; t <= ticks; t++) {
    await sleep(pauseMs);
    const start = performance.now();
    tick(t);
    times.push(performance.now() - start);
  }
  return median(times);
}
