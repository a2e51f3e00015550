/**
 * The per-process history's memory goal: memtop's RSS over time at --delay 1 with N extra
 * processes (load.sh), sorted by GROWTH so that every process's growth is fitted every tick, and,
 * in this process, the same history fed by a headless sampler, to count the bytes its typed
 * arrays hold per process. Prints both and writes them to bench/RESULTS.md; a run shorter than
 * the goal's hour is reported as what it is, with the hour worked out from the ring sizes.
 *
 * With --baseline OLD/dist/bin/memtop.js the build without the history runs beside it, under
 * the same load and in the same minutes (on a shared machine only figures taken together compare).
 *
 * Usage: npm run build && node dist/bench/history-bench.js [--minutes 60] [--n 3000] [--every 30] [--baseline OLD/dist/bin/memtop.js]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, memtopCommand, startLoad, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';
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
const baseline = option('--baseline', '');

const load = startLoad(n);
const readings: { atS: number; rssMiB: number; cpuPercent: number; baseRssMiB?: number; baseCpuPercent?: number }[] = [];
let historyBytes = 0;
let tracked = 0;
try {
  const pane = new TmuxPane(memtopCommand('--delay', '1', '-c', 'pid,user,rss,pss,uss,growth,command', '-s', 'growth'), { width: 160, height: 48 });
  // The baseline has no GROWTH column: the same columns otherwise, sorted by PSS.
  const basePane = baseline !== '' ? new TmuxPane([process.execPath, baseline, '--delay', '1', '-c', 'pid,user,rss,pss,uss,command'], { width: 160, height: 48 }) : null;
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
  } finally {
    pane.kill();
    basePane?.kill();
  }
} finally {
  load.stop();
}
process.stderr.write('\n');

// The hour worked out: after 10 minutes the full-resolution rings are full (600 points at -d 1,
// 28 bytes each); the per-minute rings then grow by one 56-byte row a minute, in doubling steps
// (4, 8, ..., 64 rows for an hour).
const perProcessNow = historyBytes / Math.max(1, tracked);
const minuteRowBytes = 4 + 13 * 4;
const ringRows = (m: number) => (m <= 4 ? 4 : 2 ** Math.ceil(Math.log2(m)));
const extraPerProcessAtHour = Math.max(0, (ringRows(60) - ringRows(Math.max(1, minutes))) * minuteRowBytes);
const fullRingBytes = 602 * 28;
const fullFillPerProcess = minutes >= 10 ? 0 : Math.max(0, fullRingBytes - perProcessNow);
const last = readings.at(-1);
const firstHalf = readings.filter((r) => r.atS <= (minutes * 60) / 2);
const extrapolatedMiB = last ? last.rssMiB + ((extraPerProcessAtHour + fullFillPerProcess) * tracked) / MiB : NaN;
const lines = [
  `## Per-process history: memtop's RSS with N=${n} extra processes at -d 1 (bench/history-bench.ts)`,
  '',
  `\`node dist/bench/history-bench.js --minutes ${minutes} --n ${n} --every ${everySeconds}\` — ${machineLine()}`,
  '',
  '| after | memtop RSS | memtop CPU since the last reading | baseline RSS | baseline CPU |',
  '|---:|---:|---:|---:|---:|',
  ...readings.map((r) => `| ${r.atS} s | ${r.rssMiB.toFixed(1)} MiB | ${r.cpuPercent.toFixed(1)} % | ${r.baseRssMiB?.toFixed(1) ?? '-'} MiB | ${r.baseCpuPercent?.toFixed(1) ?? '-'} % |`),
  ...(baseline !== '' ? ['', `Baseline: \`${baseline}\` (the build before the history), same load, same minutes.`] : []),
  '',
  `History in a headless run beside it: ${tracked} processes tracked, ${(historyBytes / MiB).toFixed(1)} MiB in typed arrays (${(perProcessNow / 1024).toFixed(1)} KiB a process) after ${minutes} min.`,
  minutes >= 60
    ? `Measured over the whole hour: RSS ${firstHalf.at(-1)?.rssMiB.toFixed(1) ?? '-'} MiB at half time, ${last?.rssMiB.toFixed(1) ?? '-'} MiB at the end.`
    : `**Not the goal's hour** (${minutes} min run). Worked out, not measured: the full-resolution rings fill by 10 min (${(fullRingBytes / 1024).toFixed(1)} KiB a process) and the per-minute rings reach 64 rows of ${minuteRowBytes} B by 60 min, so the hour adds about ${(((extraPerProcessAtHour + fullFillPerProcess) * tracked) / MiB).toFixed(1)} MiB of typed arrays to the last RSS: about ${extrapolatedMiB.toFixed(0)} MiB at 1 h, if nothing else grows (garbage-collector slack and heap fragmentation are not in this estimate).`,
];
console.log(lines.join('\n'));
writeResultsSection('history-bench', lines.join('\n'));
