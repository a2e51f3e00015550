/**
 * Starts a libraries read in its own worker (libraries-worker.ts) and hands its messages to the
 * listener; cancel() ends the worker (the view closed, or a new read replaces it).
 */
import { Worker } from 'node:worker_threads';
import type { FromLibrariesWorker, LibrariesInput } from './libraries-protocol.js';

export interface LibrariesRead {
  cancel(): void;
}

export function startLibrariesRead(procRoot: string, pids: number[], onMessage: (message: FromLibrariesWorker) => void): LibrariesRead {
  const input: LibrariesInput = { procRoot, pids };
  const worker = new Worker(new URL('./libraries-worker.js', import.meta.url), { workerData: input });
  let ended = false;
  worker.on('message', (message: FromLibrariesWorker) => {
    if (ended) return;
    if (message.type !== 'batch') ended = true;
    onMessage(message);
  });
  worker.on('error', (error) => {
    if (!ended) onMessage({ type: 'error', message: error.message });
    ended = true;
  });
  worker.unref();
  return { cancel: () => { ended = true; void worker.terminate(); } };
}
