/**
 * The per-process history's memory goal: memtop's RSS over time at --delay 1 with N extra
 * processes (load.sh), sorted by GROWTH so that every process's growth is asked for every tick,
 * and, in this process, the same history fed by a headless sampler, to count its tracks and rows.
 * Prints the readings, the RSS at 10/30/60 minutes and the slope of the second half, and writes
 * them to bench/RESULTS.md.
 *
 * With --baseline OLD/dist/bin/memtop.js (or --baseline nohistory: this build without the
 * history, see no-history-build.ts) that build runs beside it with the same arguments, under the
 * same load and in the same minutes (on a shared machine only figures taken together compare).
 *
 * Usage: npm run build && node dist/bench/history-bench.js [--minutes 60] [--n 3000] [--every 30] [--baseline nohistory]
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, memtopCommand, startLoad, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';
import { makeNoHistoryBuild } from './no-history-build.js';
import { fitLine, arrayPoints } from '../src/model/growth.js';
import { ProcFs } from '../src/proc/procfs.js';
import { Sampler } from '../src/sampler/sampler.js';
import { SampleStream } from '../src/model/sample-stream.js';
import { ProcessHistory } from '../src/model/process-history.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const minutes = Number(option('--minutes', '60'));
const n = Number(option('--n', '3000'));
const everySeconds = Number(option('--every', '30'));
const MiB = 1024 * 1024;
const baselineOption = option('--baseline', '');
const baseline = baselineOption === 'nohistory' ? makeNoHistoryBuild() : baselineOption;

const load = startLoad(n);
const readings: { atS: number; rssMiB: number; cpuPercent: number; baseRssMiB?: number; baseCpuPercent?: number; load: number }[] = [];
let historyBytes = 0;
let tracked = 0;
let rows = { counters: 0, details: 0, minutes: 0 };
try {
  const args = ['--delay', '1', '-c', 'pid,user,rss,pss,uss,growth,command', '-s', 'growth'];
  const pane = new TmuxPane(memtopCommand(...args), { width: 160, height: 48 });
  const basePane = baseline !== '' ? new TmuxPane([process.execPath, baseline, ...args], { width: 160, height: 48 }) : null;
  // In this process meanwhile: the same history on a headless sampler, for its own bytes.
  const sampler = new Sampler({ procfs: new ProcFs('/proc'), needs: new Set(['stat', 'status', 'rollup', 'cmdline']), intervalMs: 1000 });
  const history = new ProcessHistory({ intervalMs: 1000 });
  const stream = new SampleStream((error) => { throw error; });
  stream.subscribe((sample) => history.push(sample));
  try {
    pane.waitFor((screen) => /total of \d+ shown/.test(screen), 120_000);
    basePane?.waitFor((screen) => /total of \d+ shown/.test(screen), 120_000);
    const pid = pane.pid();
    const basePid = basePane?.pid();
    let lastBaseCpu = basePid ? cpuSeconds(basePid) : 0;
    const startMs = performance.now();
    let lastCpu = cpuSeconds(pid);
    let lastAtMs = startMs;
    let nextReadingMs = startMs + everySeconds * 1000;
    while (performance.now() - startMs < minutes * 60_000) {
      stream.publish(sampler.sample());
      await sleep(Math.max(0, 1000 - ((performance.now() - startMs) % 1000)));
      if (performance.now() >= nextReadingMs) {
        const nowMs = performance.now();
        const cpu = cpuSeconds(pid);
        const seconds = (nowMs - lastAtMs) / 1000;
        const baseCpu = basePid ? cpuSeconds(basePid) : 0;
        readings.push({
          atS: Math.round((nowMs - startMs) / 1000), rssMiB: rssMiB(pid), cpuPercent: ((cpu - lastCpu) / seconds) * 100,
          ...(basePid ? { baseRssMiB: rssMiB(basePid), baseCpuPercent: ((baseCpu - lastBaseCpu) / seconds) * 100 } : {}),
          load: loadavg()[0],
        });
        lastCpu = cpu;
        lastBaseCpu = baseCpu;
        lastAtMs = nowMs;
        nextReadingMs += everySeconds * 1000;
        process.stderr.write(`\r${readings.at(-1)!.atS} s: memtop RSS ${readings.at(-1)!.rssMiB.toFixed(1)} MiB`);
      }
    }
    historyBytes = history.byteSize;
    tracked = history.size;
    rows = history.rowCounts;
  } finally {
    pane.kill();
    basePane?.kill();
  }
} finally {
  load.stop();
}
process.stderr.write('\n');


/** The reading nearest to `atS`, if the run got there. */
const at = (atS: number) => (readings.at(-1)!.atS + everySeconds / 2 >= atS ? readings.reduce((a, b) => (Math.abs(b.atS - atS) < Math.abs(a.atS - atS) ? b : a)) : undefined);
/** MiB per 10 minutes over the second half of the run (least squares). */
function secondHalfSlope(pick: (r: (typeof readings)[number]) => number | undefined): string {
  const half = readings.filter((r) => r.atS >= (minutes * 60) / 2 && pick(r) !== undefined);
  const fit = fitLine(arrayPoints(half.map((r) => r.atS * 1000), half.map((r) => pick(r)!)));
  return fit === null ? '-' : `${(fit.bytesPerMinute * 10 >= 0 ? '+' : '')}${(fit.bytesPerMinute * 10).toFixed(1)} MiB per 10 min`;
}
const mib = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} MiB`);
const marks = [10, 30, 60].filter((m) => m <= minutes);
const lines = [
  `## Per-process history: memtop's RSS with N=${n} extra processes at -d 1 (bench/history-bench.ts)`,
  '',
  `\`node dist/bench/history-bench.js --minutes ${minutes} --n ${n} --every ${everySeconds}${baselineOption !== '' ? ` --baseline ${baselineOption}` : ''}\` — ${machineLine()}`,
  '',
  '| after | memtop RSS | memtop CPU since the last reading | baseline RSS | baseline CPU | load average |',
  '|---:|---:|---:|---:|---:|---:|',
  ...readings.map((r) => `| ${r.atS} s | ${r.rssMiB.toFixed(1)} MiB | ${r.cpuPercent.toFixed(1)} % | ${r.baseRssMiB?.toFixed(1) ?? '-'} MiB | ${r.baseCpuPercent?.toFixed(1) ?? '-'} % | ${r.load.toFixed(1)} |`),
  '',
  ...(baseline !== '' ? [`Baseline: ${baselineOption === 'nohistory' ? 'this build without the history (no-history-build.ts)' : `\`${baseline}\``}, same arguments, same load, same minutes.`, ''] : []),
  `| | ${marks.map((m) => `${m} min`).join(' | ')} | highest | second half |`,
  `|---|${marks.map(() => '---:').join('|')}|---:|---:|`,
  `| memtop RSS | ${marks.map((m) => mib(at(m * 60)?.rssMiB)).join(' | ')} | ${mib(Math.max(...readings.map((r) => r.rssMiB)))} | ${secondHalfSlope((r) => r.rssMiB)} |`,
  ...(baseline !== '' ? [`| baseline RSS | ${marks.map((m) => mib(at(m * 60)?.baseRssMiB)).join(' | ')} | ${mib(Math.max(...readings.map((r) => r.baseRssMiB ?? 0)))} | ${secondHalfSlope((r) => r.baseRssMiB)} |`] : []),
  '',
  `The same history in a headless run beside them, after ${minutes} min: ${tracked} processes tracked (live and exited within the window), rows held: ${rows.counters} counter, ${rows.details} PSS/USS, ${rows.minutes} minute; ${(historyBytes / MiB).toFixed(1)} MiB of pools and tick times.`,
];
console.log(lines.join('\n'));
writeResultsSection('history-bench', lines.join('\n'));
