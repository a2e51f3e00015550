/**
 * The worker half of split-sample.ts: an exact Sampler of the same root that reads the chunks of
 * the PID list it claims from the shared cursor, then posts what it read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import type { ProcessesPart } from './sampler.js';
import { chunkOf, type SplitDone, type SplitInput, type SplitWork } from './split-protocol.js';

const port = parentPort!;
const input = workerData as SplitInput;

port.once('message', (work: SplitWork) => {
  let done: SplitDone;
  try {
    const sampler = new Sampler({ procfs: new ProcFs(input.procRoot), exact: true, needs: input.needs, detailFile: work.detailFile });
    const parts: [number, ProcessesPart][] = [];
    for (let i = Atomics.add(input.cursor, 0, 1); i < work.chunks; i = Atomics.add(input.cursor, 0, 1)) {
      parts.push([i, sampler.readPart(chunkOf(work.pids, i, work.chunkPids), work.system, work.nowMs)]);
    }
    done = { type: 'done', parts };
  } catch (err) {
    done = { type: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(done);
});
