/**
 * A huge process (memhog maps: 60,000 one-page mappings) read by `memtop maps` beside `pmap -x`,
 * and its Mappings view in a tmux pane: CPU at --delay 2, RSS while open and a minute after
 * Backspace. Every ratio is of figures taken in the same run, on whatever load the machine has.
 *
 *   npm run build && node dist/bench/maps-bench.js [--mappings 60000] [--runs 5] [--cpu-seconds 30]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, median, memtopCommand, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';
import { startMemhog } from '../test/helpers/live-helpers.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const mappings = option('mappings', 60_000);
const runs = option('runs', 5);
const cpuWindowSeconds = option('cpu-seconds', 30);

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
}

/** Wall time, user + system CPU and peak RSS of a command (GNU time), output discarded. */
function timed(argv: string[]): Run {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed: ${run.stderr}`);
  const [user, system, maxRss] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, maxRssKiB: maxRss };
}

function hwmMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const helper = await startMemhog(['maps', String(mappings)]);
const pid = helper.pids[0];
const count = readFileSync(`/proc/${pid}/maps`, 'latin1').split('\n').length - 1;
const smapsBytes = readFileSync(`/proc/${pid}/smaps`).length;

// One-shot: pmap -x and memtop maps in turn, so both see the same load.
const pmapRuns: Run[] = [];
const mapsRuns: Run[] = [];
const jsonRuns: Run[] = [];
for (let i = 0; i < runs; i++) {
  pmapRuns.push(timed(['pmap', '-x', String(pid)]));
  mapsRuns.push(timed(memtopCommand('maps', String(pid))));
  jsonRuns.push(timed(memtopCommand('maps', String(pid), '--json')));
}

// The Mappings view of the same process at --delay 2.
const pane = new TmuxPane(memtopCommand('--delay', '2', '--pid', String(pid)));
let view: { rssBeforeMiB: number; cpuPercent: number; rssOpenMiB: number; hwmMiB: number; notice: string; rssAfterMiB: number; rssMinuteLaterMiB: number; openMs: number };
try {
  pane.waitFor((s) => s.includes(`${pid}`) && /total of 1 shown/.test(s), 30_000);
  await sleep(10_000);
  const memtopPid = pane.pid();
  const rssBeforeMiB = rssMiB(memtopPid);
  const openStart = performance.now();
  pane.sendKeys('Enter');
  pane.waitFor((s) => new RegExp(`${count} mappings`).test(s), 60_000);
  const openMs = performance.now() - openStart;
  await sleep(5_000);
  const before = cpuSeconds(memtopPid);
  await sleep(cpuWindowSeconds * 1000);
  const cpuPercent = ((cpuSeconds(memtopPid) - before) / cpuWindowSeconds) * 100;
  const rssOpenMiB = rssMiB(memtopPid);
  const notice = pane.capture().split('\n').find((line) => line.includes('re-read every'))?.trim() ?? '(no re-read notice)';
  pane.sendKeys('BSpace');
  pane.waitFor((s) => /total of 1 shown/.test(s), 20_000);
  const rssAfterMiB = rssMiB(memtopPid);
  await sleep(60_000);
  view = { rssBeforeMiB, cpuPercent, rssOpenMiB, hwmMiB: hwmMiB(memtopPid), notice, rssAfterMiB, rssMinuteLaterMiB: rssMiB(memtopPid), openMs };
} finally {
  pane.kill();
  helper.stop();
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
const med = (list: Run[], key: keyof Run) => median(list.map((r) => r[key]));
const row = (name: string, list: Run[]) =>
  `| ${name} | ${ms(med(list, 'wallMs'))} (${(med(list, 'wallMs') / med(pmapRuns, 'wallMs')).toFixed(2)}×) | ${ms(med(list, 'cpuMs'))} (${(med(list, 'cpuMs') / med(pmapRuns, 'cpuMs')).toFixed(2)}×) | ${mib(Math.max(...list.map((r) => r.maxRssKiB)))} |`;
const load = readFileSync('/proc/loadavg', 'latin1').split(' ').slice(0, 3).join(' ');

const section = `## A huge process: ${count} mappings

\`npm run build && node dist/bench/maps-bench.js --mappings ${mappings} --runs ${runs} --cpu-seconds ${cpuWindowSeconds}\` — ${machineLine()}.
Taken on a machine shared with other work (load average ${load} at the end): compare the ratios,
measured in the same run, rather than the times.

The process is \`memhog maps ${mappings}\` (test/helpers/memhog.c): one-page mappings, read-only and
read-write in turn; its smaps is ${(smapsBytes / 1048576).toFixed(1)} MiB of text. Targets (issue 10, item 13):
\`maps\` ≤ 2× pmap's time and ≤ 100 MiB peak RSS; the Mappings view ≤ 25 % of a core at \`-d 2\`,
RSS ≤ 200 MiB, back to its level before within a minute of Backspace.

| command (median of ${runs}, in turn) | wall time (× pmap) | user + system CPU (× pmap) | peak RSS (max) |
|---|---|---|---|
${row('pmap -x PID', pmapRuns)}
${row('memtop maps PID', mapsRuns)}
${row('memtop maps PID --json', jsonRuns)}

| Mappings view, \`memtop -d 2 -p PID\`, Enter | |
|---|---|
| RSS in the Processes view before | ${view.rssBeforeMiB.toFixed(1)} MiB |
| Enter to the first full table | ${ms(view.openMs)} |
| CPU over ${cpuWindowSeconds} s with the view open | ${view.cpuPercent.toFixed(1)} % of a core |
| RSS at the end of that window (peak VmHWM over the run) | ${view.rssOpenMiB.toFixed(1)} MiB (${view.hwmMiB.toFixed(1)} MiB) |
| the view's notice | ${view.notice} |
| RSS just after Backspace / a minute later | ${view.rssAfterMiB.toFixed(1)} MiB / ${view.rssMinuteLaterMiB.toFixed(1)} MiB |
`;
console.log(section);
console.log(`written to ${writeResultsSection('maps-bench', section)}`);
