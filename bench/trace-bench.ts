/**
 * What tracing costs (`memtop trace`, strace -f -k underneath): (1) the traced process's slowdown:
 * tracehog mapping and unmapping one page as fast as it can, its calls per second untraced, then
 * traced, then untraced again; (2) memtop's CPU (and strace's, apart) while it traces a tracehog
 * paced at 10,000 memory syscalls per second. Writes its section of bench/RESULTS.md.
 *
 *   npm run build && node dist/bench/trace-bench.js
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpuSeconds } from './proc-usage.js';
import { machineLine, median, memtopMain, writeResultsSection } from './bench-tools.js';
import { tracehogBinary } from '../test/helpers/trace-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startMemtopTrace(pid: number, args: string[] = []): { child: ChildProcess; attached: Promise<void>; done: Promise<string> } {
  const child = spawn(process.execPath, [memtopMain, 'trace', String(pid), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d; });
  const attached = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d;
      if (stderr.includes('memtop: tracing')) resolve();
    });
    child.on('exit', () => reject(new Error(`memtop trace ended: ${stderr}`)));
  });
  const done = new Promise<string>((resolve) => child.on('close', () => resolve(stdout)));
  return { child, attached, done };
}

/** The "rate N" lines tracehog busy 0 prints each second, as they come. */
function rateReader(child: ChildProcess): () => Promise<number> {
  let text = '';
  const rates: number[] = [];
  let wake: (() => void) | null = null;
  child.stdout!.on('data', (d: Buffer) => {
    text += d;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n')) {
      const m = /^rate (\d+)$/.exec(text.slice(0, nl));
      text = text.slice(nl + 1);
      if (m) rates.push(Number(m[1]));
      wake?.();
    }
  });
  return async () => {
    while (rates.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
    return rates.shift()!;
  };
}

async function rates(next: () => Promise<number>, count: number): Promise<number> {
  await next(); // a second that may straddle the change
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(await next());
  return median(values);
}

async function slowdown(args: string[]): Promise<{ untraced: number; traced: number; after: number }> {
  const hog = spawn(tracehogBinary(), ['busy', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const next = rateReader(hog);
  try {
    const pid = hog.pid!;
    const untraced = await rates(next, 4);
    const trace = startMemtopTrace(pid, args);
    await trace.attached;
    const traced = await rates(next, 4);
    trace.child.kill('SIGINT');
    await trace.done;
    const after = await rates(next, 4);
    return { untraced, traced, after };
  } finally {
    hog.kill('SIGKILL');
  }
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

async function cpuAtRate(callsPerSecond: number, seconds: number, args: string[]): Promise<{ memtopPct: number; stracePct: number; achieved: number }> {
  const hog = spawn(tracehogBinary(), ['busy', String(callsPerSecond)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await sleep(300);
  try {
    const trace = startMemtopTrace(hog.pid!, ['--json', '--duration', String(seconds + 1), ...args]);
    await trace.attached;
    await sleep(500);
    const memtopPid = trace.child.pid!;
    const stracePid = childrenOf(memtopPid)[0];
    const t0 = performance.now();
    const m0 = cpuSeconds(memtopPid);
    const s0 = cpuSeconds(stracePid);
    await sleep(seconds * 1000 - 500);
    const elapsed = (performance.now() - t0) / 1000;
    const memtopPct = ((cpuSeconds(memtopPid) - m0) / elapsed) * 100;
    const stracePct = ((cpuSeconds(stracePid) - s0) / elapsed) * 100;
    const summary = JSON.parse(await trace.done) as { calls: number; durationSeconds: number };
    return { memtopPct, stracePct, achieved: summary.calls / summary.durationSeconds };
  } finally {
    hog.kill('SIGKILL');
  }
}

const slowStacks = await slowdown([]);
const slowTally = await slowdown(['--no-stacks']);
const pacedTally = await cpuAtRate(10_000, 10, ['--no-stacks']);
const pacedStacks = await cpuAtRate(10_000, 10, []);
const n = (value: number) => Math.round(value).toLocaleString('en');
const markdown = `## memtop trace: what tracing costs (bench/trace-bench.ts)

${machineLine()}. **The machine is shared with other engineers' builds and tests while this ran:**
the figures move between runs (the untraced rate most); rerun \`npm run build && node dist/bench/trace-bench.js\`.

tracehog maps and unmaps one page in a loop (2 memory syscalls per turn), as fast as it can
(\`busy 0\`, its own count each second, median of 4 s) or paced (\`busy 10000\`).

| what | with stacks (strace -f -k, the default) | \`--no-stacks\` (strace -f) |
|---|---|---|
| tracehog untraced, calls/s | ${n(slowStacks.untraced)} | ${n(slowTally.untraced)} |
| tracehog traced, calls/s | ${n(slowStacks.traced)} (**${(slowStacks.untraced / slowStacks.traced).toFixed(0)}× slower**) | ${n(slowTally.traced)} (**${(slowTally.untraced / slowTally.traced).toFixed(0)}× slower**) |
| tracehog after memtop detached, calls/s | ${n(slowStacks.after)} | ${n(slowTally.after)} |
| paced at 10,000 calls/s: calls/s reached while traced (memtop's tally) | ${n(pacedStacks.achieved)} | ${n(pacedTally.achieved)} |
| memtop's CPU meanwhile (parse + tally, % of one core over 10 s) | ${pacedStacks.memtopPct.toFixed(1)} % | ${pacedTally.memtopPct.toFixed(1)} % |
| strace's CPU meanwhile | ${pacedStacks.stracePct.toFixed(1)} % | ${pacedTally.stracePct.toFixed(1)} % |

With -k, strace reads the target's /proc/PID/maps again after every call that changes its
mappings (all of these do), to unwind the next stack: that, not memtop, caps a traced process
at a few hundred memory syscalls per second. memtop's own share is the parsing and tallying.
`;
console.log(markdown);
console.log(`written to ${writeResultsSection('trace-bench', markdown)}`);
