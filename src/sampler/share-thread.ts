/**
 * The helper thread of the parallel sampler: it keeps its own Sampler (so incremental state and
 * CPU deltas stay with the PIDs it always reads) and reads the share of PIDs it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import type { ShareReply, ShareRequest, ShareThreadInput } from './share-protocol.js';
import { restoreV8Flags } from './v8-flags.js';

const input = workerData as ShareThreadInput;
restoreV8Flags(input.v8Flags);
const sampler = new Sampler({ procfs: new ProcFs(input.procRoot) });
const port = parentPort!;

port.on('message', (request: ShareRequest) => {
  let reply: ShareReply;
  try {
    sampler.readDetail = request.readDetail;
    sampler.exact = request.exact;
    sampler.maxStalenessMs = request.maxStalenessMs;
    sampler.intervalMs = request.intervalMs;
    reply = { id: request.id, ok: true, part: sampler.sampleProcesses(request.pids, request.system) };
  } catch (err) {
    reply = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
