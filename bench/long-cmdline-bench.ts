/**
 * 20 processes with ~1.9 MB command lines (any user can start them): the UI's CPU and RSS at
 * --delay 1 and `snapshot --json`'s peak RSS and time, of this build and of another build
 * (--baseline OLD/dist/bin/memtop.js), in one run: the UI runs alternate, the snapshots interleave.
 *
 * Usage: npm run build && node dist/bench/long-cmdline-bench.js --baseline OLD/dist/bin/memtop.js [--cpu-seconds 30] [--runs 5]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, median, memtopMain, timeCommand, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const baseline = option('--baseline', '');
if (baseline === '') throw new Error('--baseline OLD/dist/bin/memtop.js is required');
const cpuWindowSeconds = Number(option('--cpu-seconds', '30'));
const runs = Number(option('--runs', '5'));
const PROCESSES = 20;
/** 15 arguments just under the kernel's 128 KiB per argument: ~1.9 MB each process. */
const ARGS = Array.from({ length: 15 }, (_, i) => `${i}`.padEnd(127 * 1024, 'x'));

function startLongCommandLines(): ChildProcess[] {
  // bash keeps its own arguments ($0 and the rest) while its child sleeps; each in its own
  // process group, so that stopping it ends the sleep too.
  return Array.from({ length: PROCESSES }, () => spawn('bash', ['-c', 'sleep 3600; true', 'longcmd', ...ARGS], { stdio: 'ignore', detached: true }));
}

function stopAll(children: ChildProcess[]): void {
  for (const c of children) {
    try {
      if (c.pid !== undefined) process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

interface UiRun { cpuPercent: number; rssMiB: number }

async function uiRun(main: string): Promise<UiRun> {
  const pane = new TmuxPane([process.execPath, main, '--delay', '1']);
  try {
    pane.waitFor((screen) => /total of \d+ shown/.test(screen), 60_000);
    await sleep(5000);
    const pid = pane.pid();
    const before = cpuSeconds(pid);
    await sleep(cpuWindowSeconds * 1000);
    return { cpuPercent: ((cpuSeconds(pid) - before) / cpuWindowSeconds) * 100, rssMiB: rssMiB(pid) };
  } finally {
    pane.kill();
  }
}

const children = startLongCommandLines();
process.once('exit', () => stopAll(children));
await sleep(1000);
try {
  const builds: Record<string, string> = { baseline, current: memtopMain };
  const ui: Record<string, UiRun[]> = { baseline: [], current: [] };
  for (const name of ['baseline', 'current', 'current', 'baseline']) ui[name].push(await uiRun(builds[name]));
  const snapWall: Record<string, number[]> = { baseline: [], current: [] };
  const snapPeak: Record<string, number[]> = { baseline: [], current: [] };
  for (let round = 0; round < runs; round++) {
    for (const name of round % 2 === 0 ? ['baseline', 'current'] : ['current', 'baseline']) {
      const run = timeCommand([process.execPath, builds[name], 'snapshot', '--json']);
      if (run.status !== 0) throw new Error(`${name} snapshot exited ${run.status}`);
      snapWall[name].push(run.wallMs);
      snapPeak[name].push(run.maxRssKiB / 1024);
    }
  }
  const row = (name: string) => `| ${name} | ${ui[name].map((r) => r.cpuPercent.toFixed(1)).join(', ')} % | ${ui[name].map((r) => r.rssMiB.toFixed(0)).join(', ')} MiB | ${Math.max(...snapPeak[name]).toFixed(1)} MiB | ${median(snapWall[name]).toFixed(0)} ms |`;
  const section = `## ${PROCESSES} processes with 1.9 MB command lines

\`npm run build && node dist/bench/long-cmdline-bench.js --baseline OLD/dist/bin/memtop.js --cpu-seconds ${cpuWindowSeconds} --runs ${runs}\` — ${machineLine()}.
The UI at --delay 1 (CPU over ${cpuWindowSeconds} s after the first full table + 5 s, RSS at the end; two runs each, alternating),
\`snapshot --json\` (${runs} interleaved runs: the highest peak RSS, the median time).

| build | UI CPU, % of a core | UI RSS | snapshot peak RSS | snapshot time |
|---|---|---|---|---|
${row('baseline')}
${row('current')}
`;
  console.log(section);
  console.log(`written to ${writeResultsSection('long-cmdline-bench', section)}`);
} finally {
  stopAll(children);
}
