/** A split worker that claims every chunk of the PID list and dies without reporting (split-sample.test.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { SplitInput, SplitWork } from '../../src/sampler/split-protocol.js';

const input = workerData as SplitInput;
parentPort!.once('message', (work: SplitWork) => {
  while (Atomics.add(input.cursor, 0, 1) < work.chunks);
  process.exit(3);
});
