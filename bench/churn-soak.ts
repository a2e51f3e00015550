/**
 * Churn soak: a storm of process starts and exits (default 100 a second) for N minutes beside
 * the UI at --delay 0.2 in tmux and a loop of `memtop snapshot --json`. Counts errors (a
 * non-zero exit, anything on stderr, output that is not JSON, the UI gone from its screen) and
 * samples the UI's RSS and CPU every 10 s; RSS is called flat when the last minute's median is
 * within 10 % of the first minute's.
 *
 * Usage: npm run build && node dist/bench/churn-soak.js [--minutes 10] [--rate 100] [--delay 0.2]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, median, memtopCommand, writeResultsSection } from './bench-tools.js';
import { startChurnStorm } from './churn-storm.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';
import { TmuxPane } from './tmux-pane.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const minutes = Number(option('--minutes', '10'));
const rate = Number(option('--rate', '100'));
const delay = option('--delay', '0.2');
const SAMPLE_EVERY_MS = 10_000;

interface Sample { atS: number; rssMiB: number; cpuPercent: number }
interface SnapshotRun { atS: number; ms: number; peakMiB: number }

const errors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'memtop-soak-'));
const uiStderr = join(dir, 'ui.stderr');
const script = 'err="$1"; shift; "$@" 2>"$err"; echo "memtop exited with status $?"; exec sleep 600';
const pane = new TmuxPane(['sh', '-c', script, 'sh', uiStderr, ...memtopCommand('--delay', delay)]);
const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
try {
  pane.waitFor((s) => /total of \d+ shown/.test(s), 60_000);
  const shell = pane.pid();
  const uiPid = Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
  const start = performance.now();
  const elapsedS = () => (performance.now() - start) / 1000;
  const endS = minutes * 60;
  const storm = startChurnStorm(rate);

  const snapshots: SnapshotRun[] = [];
  const snapshotLoop = (async () => {
    while (elapsedS() < endS) snapshots.push(await snapshotOnce(elapsedS()));
  })();

  const samples: Sample[] = [];
  let lastCpuS = cpuSeconds(uiPid);
  while (elapsedS() < endS) {
    await sleep(SAMPLE_EVERY_MS);
    const cpuS = cpuSeconds(uiPid);
    samples.push({ atS: elapsedS(), rssMiB: rssMiB(uiPid), cpuPercent: ((cpuS - lastCpuS) / (SAMPLE_EVERY_MS / 1000)) * 100 });
    lastCpuS = cpuS;
    if (!/total of \d+ shown/.test(pane.capture())) errors.push(`UI: no table on the screen at ${elapsedS().toFixed(0)} s`);
  }
  const stormSeconds = elapsedS();
  await storm.stop();
  await snapshotLoop;
  const spawnFailures = storm.failures();
  if (spawnFailures.count > 0) errors.push(`storm: ${spawnFailures.count} spawns failed (${spawnFailures.first})`);

  pane.sendKeys('q');
  try {
    pane.waitFor((s) => /memtop exited with status \d+/.test(s), 60_000);
    const status = Number(/memtop exited with status (\d+)/.exec(pane.capture())![1]);
    if (status !== 0) errors.push(`UI exited with status ${status}`);
  } catch {
    errors.push(`UI still running 60 s after q; its screen: ${JSON.stringify(pane.capture().trim().slice(0, 300))}`);
  }
  const stderr = readFileSync(uiStderr, 'utf8');
  if (stderr) errors.push(`UI stderr: ${stderr.slice(0, 300)}`);

  const firstMinute = samples.filter((s) => s.atS <= 60 + 1);
  const lastMinute = samples.filter((s) => s.atS > endS - 60 - 1);
  const rssFirst = median(firstMinute.map((s) => s.rssMiB));
  const rssLast = median(lastMinute.map((s) => s.rssMiB));
  const flat = rssLast <= rssFirst * 1.1;
  const snapFirst = snapshots.filter((r) => r.atS <= 60);
  const snapLast = snapshots.filter((r) => r.atS > endS - 60);
  const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const md = [
    '## Churn soak: process storms beside the UI and a snapshot loop',
    '',
    `\`npm run build && node dist/bench/churn-soak.js --minutes ${minutes} --rate ${rate} --delay ${delay}\``,
    `(${machineLine()}; load average ${loadBefore} before, ${loadAfter} after: the machine was shared with`,
    'other engineers\' builds and tests during the run, so CPU and timings are noisy; errors and RSS are not.)',
    '',
    '| what | result |',
    '|---|---|',
    `| storm | ${storm.started()} processes started in ${stormSeconds.toFixed(0)} s (${(storm.started() / stormSeconds).toFixed(1)}/s), each living 10 ms to 0.4 s |`,
    `| errors | **${errors.length}**${errors.length ? `: ${errors.slice(0, 5).join('; ')}` : ' (UI exit status 0, empty stderr, table on screen at every check; every snapshot exit 0, empty stderr, valid JSON)'} |`,
    `| UI RSS (--delay ${delay}) | first minute ${rssFirst.toFixed(1)} MiB, last minute ${rssLast.toFixed(1)} MiB, min ${Math.min(...samples.map((s) => s.rssMiB)).toFixed(1)}, max ${Math.max(...samples.map((s) => s.rssMiB)).toFixed(1)} (${samples.length} samples, every 10 s): **${flat ? 'flat' : 'growing'}** (last within 10 % of first: ${flat ? 'yes' : 'no'}) |`,
    `| UI CPU | median ${median(samples.map((s) => s.cpuPercent)).toFixed(1)} % of a core over 10 s windows, max ${Math.max(...samples.map((s) => s.cpuPercent)).toFixed(1)} % |`,
    `| snapshot --json loop | ${snapshots.length} runs; median ${median(snapshots.map((r) => r.ms)).toFixed(0)} ms; peak RSS median ${median(snapFirst.map((r) => r.peakMiB)).toFixed(1)} MiB in the first minute, ${median(snapLast.map((r) => r.peakMiB)).toFixed(1)} MiB in the last |`,
    '',
    `UI RSS every 10 s, MiB: ${samples.map((s) => s.rssMiB.toFixed(0)).join(' ')}`,
  ].join('\n');
  console.log(md);
  console.log(`\nwritten to ${writeResultsSection('churn-soak', md)}`);
} finally {
  pane.kill();
  rmSync(dir, { recursive: true, force: true });
}

/** One `memtop snapshot --json` under GNU time: its wall time and peak RSS; errors noted. */
function snapshotOnce(atS: number): Promise<SnapshotRun> {
  const [node, ...args] = memtopCommand('snapshot', '--json');
  const child = spawn('/usr/bin/time', ['-f', '%M', node, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const begin = performance.now();
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const ms = performance.now() - begin;
      const lines = stderr.trimEnd().split('\n');
      const peakMiB = Number(lines.pop()) / 1024;
      const own = lines.join('\n');
      const at = `snapshot at ${atS.toFixed(0)} s`;
      if (code !== 0) errors.push(`${at}: exit ${code}: ${own.slice(0, 200)}`);
      else if (own) errors.push(`${at}: stderr: ${own.slice(0, 200)}`);
      else {
        try {
          JSON.parse(stdout);
        } catch (error) {
          errors.push(`${at}: not JSON: ${(error as Error).message}`);
        }
      }
      resolve({ atS, ms, peakMiB });
    });
  });
}
