/**
 * The sampler in a worker thread, so the UI thread never waits on /proc: it samples every
 * intervalMs in incremental mode and posts each Sample. The next tick is scheduled when one
 * ends, so a sample slower than the interval delays the next instead of piling up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProcFs } from '../../proc/procfs.js';
import { Sampler } from '../sampler.js';
import { openCgroupFs } from '../read-cgroup-charges.js';
import { isExitingReading, readMappings, rereadEveryMs } from '../read-mappings.js';
import { detectPageSizeBytes } from '../page-size.js';
import { SampleDeltaWriter } from './sample-delta.js';
import { periodicFullGc } from '../periodic-gc.js';
import type { FromWorker, SamplingConfig, ToWorker, WorkerInput } from './sampler-protocol.js';

/** However slow the samples, the worker rests at least this share of the interval between them. */
const MIN_REST_SHARE = 0.25;

const port = parentPort!;
const input = workerData as WorkerInput;
const procfs = new ProcFs(input.procRoot);
let config: SamplingConfig = input.config;
const sampler = new Sampler({ procfs, cgroupFs: openCgroupFs(input.procRoot) });
const deltas = new SampleDeltaWriter();
const collectGarbage = periodicFullGc();
let timer: NodeJS.Timeout | null = null;

function post(message: FromWorker): void {
  port.postMessage(message);
}

function applyConfig(): void {
  sampler.needs = config.needs;
  sampler.exact = config.exact;
  sampler.maxStalenessMs = config.maxStalenessMs;
  sampler.intervalMs = config.intervalMs;
}

/** When the watched process's smaps is next due (performance.now()), and whether it had mappings. */
let mappingsDueMs = 0;
let mappingsHadAny = false;

/** Reads the watched process's smaps when due (or now, `force`: a new target) and posts it. */
function postMappings(force: boolean): void {
  const target = config.mappingsOf;
  if (target === null) return;
  const startMs = performance.now();
  if (!force && startMs < mappingsDueMs) return;
  const outcome = readMappings(procfs, target.pid);
  const readMs = performance.now() - startMs;
  const everyMs = rereadEveryMs(config.intervalMs, readMs);
  mappingsDueMs = startMs + everyMs;
  const reused = outcome.kind === 'ok' && outcome.startTimeTicks !== target.startTimeTicks;
  const readAtMs = Date.now();
  if (outcome.kind === 'ok' && !reused && !isExitingReading(outcome, mappingsHadAny)) {
    mappingsHadAny ||= outcome.addressSpace && outcome.mappings.count > 0;
    const table = outcome.mappings;
    const reading = { kind: 'ok' as const, comm: outcome.comm, mappings: table, readMs, everyMs: everyMs > config.intervalMs ? everyMs : null };
    // The table's buffers move to the UI thread instead of being copied.
    port.postMessage({ type: 'mappings', target, reading, readAtMs } satisfies FromWorker,
      [table.hexWords.buffer, table.hexDigits.buffer, table.textIds.buffer, table.counters.buffer] as ArrayBuffer[]);
    return;
  }
  // A refused stat (hidepid) is refused, not an exit.
  const reading = outcome.kind === 'denied' || (outcome.kind === 'unreadable' && outcome.why === 'refused') ? { kind: 'denied' as const } : { kind: 'gone' as const };
  post({ type: 'mappings', target, reading, readAtMs });
}

let sampling = false;
let againWhenDone = false;

function tick(): void {
  timer = null;
  if (config.paused) return;
  if (sampling) {
    againWhenDone = true; // asked for a sample while one is being taken: take another after it
    return;
  }
  sampling = true;
  const startMs = performance.now();
  try {
    post({ type: 'sample', delta: deltas.write(sampler.sample()) });
    postMappings(false);
    collectGarbage();
  } catch (err) {
    reportError(err);
  } finally {
    sampling = false;
  }
  const spentMs = performance.now() - startMs;
  const restMs = Math.max(config.intervalMs - spentMs, config.intervalMs * MIN_REST_SHARE);
  schedule(againWhenDone ? 0 : restMs);
  againWhenDone = false;
}

function reportError(err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ type: 'error', message: e.message, stack: e.stack ?? e.message });
}

function schedule(delayMs: number): void {
  if (timer !== null) clearTimeout(timer);
  timer = config.paused ? null : setTimeout(tick, delayMs);
}

function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (err) {
      reportError(err);
    }
  };
}

port.on('message', guarded(function onMessage(message: ToWorker) {
  if (message.type === 'config') {
    const before = config;
    config = message.config;
    applyConfig();
    const newTarget = config.mappingsOf !== null && (before.mappingsOf?.pid !== config.mappingsOf.pid
      || before.mappingsOf.startTimeTicks !== config.mappingsOf.startTimeTicks);
    if (newTarget) {
      mappingsHadAny = false;
      postMappings(true);
    }
    if (before.paused && !config.paused) schedule(0);
    else if (config.paused && timer !== null) schedule(0);
  } else if (message.type === 'now') {
    schedule(0);
  }
}));

guarded(() => {
  applyConfig();
  post({ type: 'ready', pageSizeBytes: detectPageSizeBytes(procfs) });
  if (input.firstTickDelayMs > 0) schedule(input.firstTickDelayMs);
  else tick();
})();
