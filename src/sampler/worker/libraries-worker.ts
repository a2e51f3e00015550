/** The libraries worker: every given process's smaps, read off the UI thread (libraries-protocol.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ProcFs } from '../../proc/procfs.js';
import type { SmapsCounters } from '../../proc/smaps-counters.js';
import { readAllMappings } from '../read-all-mappings.js';
import { LIBRARY_COUNTERS, type FromLibrariesWorker, type LibrariesInput, type ProcessFiles } from './libraries-protocol.js';

const BATCH_PROCESSES = 25;
const port = parentPort!;
const input = workerData as LibrariesInput;
const post = (message: FromLibrariesWorker) => port.postMessage(message);

try {
  const startMs = performance.now();
  let batch: ProcessFiles[] = [];
  const count = readAllMappings(new ProcFs(input.procRoot), input.pids, (pid, start, mappings) => {
    const files = mappings.filter((m) => m.path.startsWith('/')).map((m) => {
      const counters: SmapsCounters = {};
      for (const key of LIBRARY_COUNTERS) if (m.counters[key] !== undefined) counters[key] = m.counters[key];
      return { path: m.path, counters };
    });
    batch.push({ member: `${pid}:${start}`, mappings: files });
  }, (done, total) => {
    if (done % BATCH_PROCESSES !== 0 && done !== total) return;
    post({ type: 'batch', processes: batch, done, total });
    batch = [];
  });
  post({ type: 'done', ...count, costMs: performance.now() - startMs });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
