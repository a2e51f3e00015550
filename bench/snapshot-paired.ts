/**
 * `memtop snapshot --json` of this build against another build (--baseline OLD/dist/bin/memtop.js)
 * and `procread 1`, at N extra processes (load.sh), in interleaved rounds whose order rotates: on
 * a shared machine only figures taken side by side compare. Prints medians of wall and CPU time, each one's ratio to
 * procread taken in the same rounds, the median of the per-round ratios this/baseline, and peak RSS.
 *
 * Usage: npm run build && node dist/bench/snapshot-paired.js --baseline OLD/dist/bin/memtop.js [--current NEW/dist/bin/memtop.js] [--n 3000] [--runs 15] [--args "snapshot --json"] [--each]
 * --current: another build instead of this one; --each also prints every round's times and ratio.
 */
import { readdirSync } from 'node:fs';
import { buildProcread, median, memtopMain, startLoad, timeCommand } from './bench-tools.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const baseline = option('--baseline', '');
if (baseline === '') throw new Error('--baseline OLD/dist/bin/memtop.js is required');
const n = Number(option('--n', '3000'));
const runs = Number(option('--runs', '15'));
const args = option('--args', 'snapshot --json').split(' ');
const procread = buildProcread();

const contenders: Record<string, string[]> = {
  procread: [procread, '1'],
  baseline: [process.execPath, baseline, ...args],
  current: [process.execPath, option('--current', memtopMain), ...args],
};
const names = Object.keys(contenders);
const wall: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
const cpu: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
const peak: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
const load = n > 0 ? startLoad(n) : null;
/** Processes on the machine, the load's and everyone else's (the machine may be shared). */
const processCount = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
let processes = 0;
try {
  for (const name of names) timeCommand(contenders[name]); // warm the page cache
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const run = timeCommand(contenders[name]);
      if (run.status !== 0) throw new Error(`${name} exited ${run.status}`);
      wall[name].push(run.wallMs);
      cpu[name].push(run.cpuMs);
      peak[name].push(run.maxRssKiB / 1024);
    }
  }
  processes = processCount();
} finally {
  load?.stop();
}
const paired = wall.current.map((ms, i) => ms / wall.baseline[i]);
const pairedCpu = cpu.current.map((ms, i) => ms / cpu.baseline[i]);
console.log(`N=${n}, ${runs} rounds, \`${args.join(' ')}\`, load ${(await import('node:os')).loadavg()[0].toFixed(2)}, ${processes} processes before the load stopped`);
for (const name of names) {
  console.log(`${name}: median ${median(wall[name]).toFixed(1)} ms = ${(median(wall[name]) / median(wall.procread)).toFixed(2)}x procread 1, CPU ${median(cpu[name]).toFixed(0)} ms = ${(median(cpu[name]) / median(cpu.procread)).toFixed(2)}x, peak RSS ${Math.max(...peak[name]).toFixed(1)} MiB`);
}
console.log(`current / baseline, median of per-round ratios: wall ${median(paired).toFixed(3)}, CPU ${median(pairedCpu).toFixed(3)}`);
if (process.argv.includes('--each')) {
  for (let i = 0; i < runs; i++) {
    const ms = names.map((name) => `${name} ${wall[name][i].toFixed(0)}`).join(', ');
    console.log(`round ${i + 1}: ${ms} ms; current/baseline ${paired[i].toFixed(3)}`);
  }
}
