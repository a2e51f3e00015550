/**
 * The interactive UI, measured in a real terminal (tmux), side by side with htop in the same run:
 * - start to the first full table at N extra processes;
 * - key-to-screen latency at N = 3000 and --delay 1 (send a key, poll the pane until it
 *   changes), keys spread at random over the sampling cycle;
 * - memtop's own CPU over 60 s at --delay 1 with N = 1000 idle processes, PSS and USS shown,
 *   against htop 3 with its PSS column on (bench/yardstick/htoprc-pss) over the same minute;
 *   memtop's RSS at the end of that minute and one minute later.
 *
 * Usage: npm run build && node dist/bench/tui-bench.js [--cpu-seconds 60] [--keys 40]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasCommand, machineLine, median, memtopCommand, sharedBench, startLoad, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { percentile, sortLatencies } from './sort-latency.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const cpuWindowSeconds = Number(option('--cpu-seconds', '60'));
const keyCount = Number(option('--keys', '40'));
const memtop = memtopCommand;
/** The table is drawn whole when its totals line is. */
const fullTable = (screen: string) => /total of \d+ shown/.test(screen);

function startTimes(runs: number): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const pane = new TmuxPane(memtop('--delay', '1'));
    try {
      pane.waitFor(fullTable);
      times.push(performance.now() - start);
    } finally {
      pane.kill();
    }
  }
  return times;
}

/** Which column the sort indicator is on, in the header line. */
async function keyLatencies(count: number): Promise<number[]> {
  const pane = new TmuxPane(memtop('--delay', '1'));
  try {
    pane.waitFor(fullTable);
    await sleep(2000);
    return await sortLatencies(pane, count);
  } finally {
    pane.kill();
  }
}

interface CpuRun {
  memtopPercent: number;
  htopPercent: number | null;
  rssAtWindowEndMiB: number;
  rssMinuteLaterMiB: number;
}

async function cpuSideBySide(): Promise<CpuRun> {
  const home = mkdtempSync(join(tmpdir(), 'memtop-htop-home-'));
  mkdirSync(join(home, '.config', 'htop'), { recursive: true });
  copyFileSync(join(sharedBench, 'htoprc-pss'), join(home, '.config', 'htop', 'htoprc'));
  const memtopPane = new TmuxPane(memtop('--delay', '1'));
  const htopPane = hasCommand('htop') ? new TmuxPane(['htop'], { env: { HOME: home } }) : null;
  try {
    memtopPane.waitFor(fullTable);
    await sleep(10_000);
    const memtopPid = memtopPane.pid();
    const htopPid = htopPane?.pid() ?? null;
    const memtopBefore = cpuSeconds(memtopPid);
    const htopBefore = htopPid === null ? 0 : cpuSeconds(htopPid);
    await sleep(cpuWindowSeconds * 1000);
    const memtopPercent = ((cpuSeconds(memtopPid) - memtopBefore) / cpuWindowSeconds) * 100;
    const htopPercent = htopPid === null ? null : ((cpuSeconds(htopPid) - htopBefore) / cpuWindowSeconds) * 100;
    const rssAtWindowEndMiB = rssMiB(memtopPid);
    await sleep(60_000);
    return { memtopPercent, htopPercent, rssAtWindowEndMiB, rssMinuteLaterMiB: rssMiB(memtopPid) };
  } finally {
    memtopPane.kill();
    htopPane?.kill();
    rmSync(home, { recursive: true, force: true });
  }
}

let load = startLoad(1000);
const starts = startTimes(5);
const cpu = await cpuSideBySide();
load.stop();
load = startLoad(3000);
const keys = await keyLatencies(keyCount);
load.stop();

const ms = (x: number) => `${x.toFixed(0)} ms`;
const section = `## The interactive UI in a real terminal, beside htop

\`npm run build && node dist/bench/tui-bench.js --cpu-seconds ${cpuWindowSeconds} --keys ${keyCount}\` — ${machineLine()}.

Targets (issue 3): key-to-screen median ≤ 50 ms at N = 3000; own CPU ≤ 5 % of a core and below htop
with its PSS column at N = 1000; RSS ≤ 100 MiB and flat after the first minute; first full table
≤ 0.6 s at N = 1000. Panes are 160×48 tmux panes on a private server; a key is \`>\`/\`<\` (sort
column: re-sorts all rows), sent 0.1–1 s apart at random so some land during a sample; its
latency runs from sending the key until \`capture-pane\` shows the new sort column.

| measure | N extra | memtop | htop 3 (PSS column on) |
|---|---|---|---|
| start to first full table (median of 5) | 1000 | ${ms(median(starts))} (runs: ${starts.map((t) => t.toFixed(0)).join(', ')}) | |
| CPU over ${cpuWindowSeconds} s, --delay 1 | 1000 | ${cpu.memtopPercent.toFixed(1)} % of a core | ${cpu.htopPercent === null ? 'htop not installed' : `${cpu.htopPercent.toFixed(1)} % of a core`} |
| RSS at the end of that window / one minute later | 1000 | ${cpu.rssAtWindowEndMiB.toFixed(1)} MiB / ${cpu.rssMinuteLaterMiB.toFixed(1)} MiB | |
| key-to-screen latency, median (p90, max) of ${keys.length} | 3000 | ${ms(median(keys))} (${ms(percentile(keys, 90))}, ${ms(Math.max(...keys))}) | |
`;
console.log(section);
console.log(`written to ${writeResultsSection('tui-bench', section)}`);
