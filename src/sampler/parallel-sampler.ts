/**
 * The sampler on two cores. Nearly all of a sample's time is the kernel's (smaps_rollup walks the
 * target's page tables), and reads of different processes run in parallel, so the PIDs are
 * split by parity between this thread and a helper thread, each with its own Sampler: a PID is
 * always read by the same thread, so incremental state and CPU deltas stay consistent. The
 * helper starts at construction, so its start-up overlaps the caller's; a sample taken before
 * it is ready, or after it failed, is read here whole.
 */
import { Worker } from 'node:worker_threads';
import { ProcFs } from '../proc/procfs.js';
import { readSystem } from './read-system.js';
import { Sampler, DEFAULT_MAX_STALENESS_MS, type ProcessesPart } from './sampler.js';
import type { Sample, SampleStats } from './sample.js';
import type { ShareReply, ShareRequest, ShareThreadInput } from './share-protocol.js';

export interface ParallelSamplerOptions {
  procRoot: string;
  readDetail?: boolean;
  exact?: boolean;
  maxStalenessMs?: number;
  intervalMs?: number;
}

export class ParallelSampler {
  private readonly local: Sampler;
  private readonly worker: Worker;
  private workerOk = true;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ShareReply) => void>();
  readDetail: boolean;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;

  constructor(options: ParallelSamplerOptions) {
    const input: ShareThreadInput = { procRoot: options.procRoot };
    this.worker = new Worker(new URL('./share-thread.js', import.meta.url), { workerData: input });
    this.worker.unref();
    this.worker.on('message', (reply: ShareReply) => this.settle(reply.id, reply));
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
    this.local = new Sampler({ procfs: new ProcFs(options.procRoot) });
    this.readDetail = options.readDetail ?? true;
    this.exact = options.exact ?? false;
    this.maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
    this.intervalMs = options.intervalMs ?? 1000;
  }

  async sample(): Promise<Sample> {
    const { local } = this;
    local.readDetail = this.readDetail;
    local.exact = this.exact;
    local.maxStalenessMs = this.maxStalenessMs;
    local.intervalMs = this.intervalMs;
    const startMs = performance.now();
    const timeMs = Date.now();
    const system = readSystem(local.procfs);
    const pids = local.procfs.listPids();
    if (!this.workerOk) return local.assemble(startMs, timeMs, system, local.sampleProcesses(pids, system));

    const mine = pids.filter((pid) => (pid & 1) === 0);
    const theirs = pids.filter((pid) => (pid & 1) === 1);
    const reply = this.ask({
      id: this.nextId++, pids: theirs, system, readDetail: this.readDetail, exact: this.exact,
      maxStalenessMs: this.maxStalenessMs, intervalMs: this.intervalMs,
    });
    const ours = local.sampleProcesses(mine, system);
    const answer = await reply;
    // The helper failed: read its share here (this thread's sampler then keeps those PIDs).
    const part = answer.ok ? answer.part : local.sampleProcesses(pids, system);
    return local.assemble(startMs, timeMs, system, answer.ok ? merge(ours, part) : part);
  }

  close(): void {
    this.workerOk = false;
    void this.worker.terminate();
  }

  private ask(request: ShareRequest): Promise<ShareReply> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    });
  }

  private settle(id: number, reply: ShareReply): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(reply);
  }

  private fail(): void {
    this.workerOk = false;
    for (const id of [...this.pending.keys()]) this.settle(id, { id, ok: false, message: 'helper thread stopped' });
  }
}

function merge(a: ProcessesPart, b: ProcessesPart): ProcessesPart {
  const stats: SampleStats = {
    listed: a.stats.listed + b.stats.listed,
    gone: a.stats.gone + b.stats.gone,
    denied: a.stats.denied + b.stats.denied,
    statusReads: a.stats.statusReads + b.stats.statusReads,
    detailReads: a.stats.detailReads + b.stats.detailReads,
  };
  return { processes: a.processes.concat(b.processes), stats };
}
