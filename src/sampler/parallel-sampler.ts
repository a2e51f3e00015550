/**
 * The sampler on two cores. Nearly all of a sample's time is the kernel's (smaps_rollup walks the
 * target's page tables), and reads of different processes run in parallel, so the PIDs are
 * split by parity between this thread and a helper thread, each with its own Sampler: a PID is
 * always read by the same thread, so incremental state and CPU deltas stay consistent. The
 * helper starts at construction, so its start-up overlaps the caller's; after it failed, samples
 * are read here whole. The split holds however few processes there are: a PID that moved from one
 * thread to the other would have its CPU% taken against the other thread's last reading of it,
 * however old (measured: 22 % for a process busy only for the last second).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { v8FlagsForThreads } from './v8-flags.js';
import { ProcFs } from '../proc/procfs.js';
import { readSystem } from './read-system.js';
import { Sampler, DEFAULT_MAX_STALENESS_MS, stillAlive, type ProcessesPart } from './sampler.js';
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
  private readonly worker: Worker | null;
  private workerOk: boolean;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ShareReply) => void>();
  readDetail: boolean;
  exact: boolean;
  maxStalenessMs: number;
  intervalMs: number;

  constructor(options: ParallelSamplerOptions) {
    // One CPU: a second thread would only take turns with this one.
    this.workerOk = availableParallelism() > 1;
    this.worker = this.workerOk ? this.startWorker(options.procRoot) : null;
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
    const pids = local.pids.list(system.loadavg);
    if (!this.workerOk) {
      const whole = local.sampleProcesses(pids, system);
      local.pids.keep(stillAlive(whole));
      return local.assemble(startMs, timeMs, system, whole);
    }

    const mine = pids.filter((pid) => (pid & 1) === 0);
    const theirs = pids.filter((pid) => (pid & 1) === 1);
    const reply = this.ask({
      id: this.nextId++, pids: theirs, system, readDetail: this.readDetail, exact: this.exact,
      maxStalenessMs: this.maxStalenessMs, intervalMs: this.intervalMs,
    });
    const ours = local.sampleProcesses(mine, system);
    const answer = await reply;
    // The helper failed: read its share here (this thread's sampler then keeps those PIDs).
    const part = answer.ok ? merge(ours, answer.part) : local.sampleProcesses(pids, system);
    local.pids.keep(stillAlive(part));
    return local.assemble(startMs, timeMs, system, part);
  }

  close(): void {
    this.workerOk = false;
    void this.worker?.terminate();
  }

  private startWorker(procRoot: string): Worker {
    const input: ShareThreadInput = { procRoot, v8Flags: v8FlagsForThreads() };
    const worker = new Worker(new URL('./share-thread.js', import.meta.url), { workerData: input });
    worker.unref();
    worker.on('message', (reply: ShareReply) => this.settle(reply.id, reply));
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
    return worker;
  }

  private ask(request: ShareRequest): Promise<ShareReply> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker!.postMessage(request);
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
  if (a.stats.unreadable || b.stats.unreadable) stats.unreadable = [...a.stats.unreadable ?? [], ...b.stats.unreadable ?? []];
  return { processes: a.processes.concat(b.processes), unread: a.unread.concat(b.unread), stats };
}
