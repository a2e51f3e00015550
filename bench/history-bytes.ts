/**
 * What the per-process history holds and costs per process, in this process: N idle processes
 * (the same counters every tick, a new PSS/USS reading every 10 s each, as the incremental
 * refresh gives) fed for 600 ticks of 1 s, the full-resolution window. Prints the JS heap and
 * the typed-array bytes per process after a full collection, and the CPU per tick of push plus
 * the growth of every process (what the header's leak count asks for).
 *
 * --from OTHER/dist measures another build's history (its dist/src and dist/test), for a before
 * and after in one run. Needs --expose-gc.
 *
 * Usage: npm run build && node --expose-gc dist/bench/history-bytes.js [--n 5000] [--from OTHER/dist]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../test/helpers/paths.js';
import type { ProcessSample, Sample } from '../src/sampler/sample.js';
import type { ProcessHistory } from '../src/model/process-history.js';
import type { processRecord as ProcessRecord } from '../test/helpers/process-record.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const n = Number(option('--n', '5000'));
const dist = option('--from', join(repoRoot, 'dist'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('history-bytes: run node with --expose-gc');
const { ProcessHistory: History } = (await import(pathToFileURL(join(dist, 'src/model/process-history.js')).href)) as { ProcessHistory: new (o: { intervalMs: number }) => ProcessHistory };
const { processRecord } = (await import(pathToFileURL(join(dist, 'test/helpers/process-record.js')).href)) as { processRecord: typeof ProcessRecord };

const records: ProcessSample[] = Array.from({ length: n }, (_, i) => processRecord({
  pid: 1000 + i, rssBytes: 8_000_000 + i * 4096, pssBytes: 3_000_000, ussBytes: 2_000_000, pssReadAtMs: 0, cmdline: `idle ${i}`,
}));
const system = {} as Sample['system'];
gc();
const before = process.memoryUsage();
const history = new History({ intervalMs: 1000 });
const cpuStart = process.cpuUsage();
for (let s = 0; s < 600; s++) {
  // Each process gets a new reading every 10th tick, spread over the ticks.
  const processes = records.map((p, i) => ((s + i) % 10 === 0 ? (records[i] = { ...p, pssReadAtMs: 1000 + s * 1000 }) : p));
  history.push({ monotonicMs: 1000 + s * 1000, timeMs: 1e12 + s * 1000, processes, system } as Sample);
  void history.suspects;
}
const cpu = process.cpuUsage(cpuStart);
gc();
const after = process.memoryUsage();
console.log(`${dist}: ${n} idle processes, 600 ticks: JS heap ${((after.heapUsed - before.heapUsed) / n).toFixed(0)} B a process, typed arrays ${((after.arrayBuffers - before.arrayBuffers) / n).toFixed(0)} B a process; CPU ${((cpu.user + cpu.system) / 1000 / 600).toFixed(2)} ms a tick (push and every growth; the records' own churn included)`);
