/**
 * The UI's own CPU at --delay 1 with N extra processes (load.sh), this build and another build
 * (--baseline OLD/dist/bin/memtop.js) side by side in the same minutes: on a shared machine only
 * figures taken together compare. Each round starts both, waits for both full tables and 10 s,
 * then reads both processes' CPU time over the same window.
 *
 * Usage: npm run build && node dist/bench/ui-cpu-paired.js --baseline OLD/dist/bin/memtop.js [--n 1000] [--cpu-seconds 30] [--rounds 3]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, median, memtopMain, startLoad } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { cpuSeconds, rssMiB } from './proc-usage.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const baseline = option('--baseline', '');
if (baseline === '') throw new Error('--baseline OLD/dist/bin/memtop.js is required');
const n = Number(option('--n', '1000'));
const cpuWindowSeconds = Number(option('--cpu-seconds', '30'));
const rounds = Number(option('--rounds', '3'));
const builds: Record<string, string> = { baseline, current: memtopMain };
const cpu: Record<string, number[]> = { baseline: [], current: [] };
const rss: Record<string, number[]> = { baseline: [], current: [] };

const load = startLoad(n);
try {
  for (let round = 0; round < rounds; round++) {
    const panes = Object.fromEntries(Object.entries(builds).map(([name, main]) => [name, new TmuxPane([process.execPath, main, '--delay', '1'])]));
    try {
      for (const pane of Object.values(panes)) pane.waitFor((screen) => /total of \d+ shown/.test(screen), 60_000);
      await sleep(10_000);
      const pids = Object.fromEntries(Object.entries(panes).map(([name, pane]) => [name, pane.pid()]));
      const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
      await sleep(cpuWindowSeconds * 1000);
      for (const name of Object.keys(builds)) {
        cpu[name].push(((cpuSeconds(pids[name]) - before[name]) / cpuWindowSeconds) * 100);
        rss[name].push(rssMiB(pids[name]));
      }
    } finally {
      for (const pane of Object.values(panes)) pane.kill();
    }
  }
} finally {
  load.stop();
}
console.log(`\`node dist/bench/ui-cpu-paired.js --baseline OLD/dist/bin/memtop.js --n ${n} --cpu-seconds ${cpuWindowSeconds} --rounds ${rounds}\` — ${machineLine()}`);
for (const name of Object.keys(builds)) {
  console.log(`${name}: CPU ${cpu[name].map((c) => c.toFixed(1)).join(', ')} % of a core (median ${median(cpu[name]).toFixed(1)}), RSS ${rss[name].map((r) => r.toFixed(0)).join(', ')} MiB`);
}
console.log(`current / baseline CPU, per round: ${cpu.current.map((c, i) => (c / cpu.baseline[i]).toFixed(2)).join(', ')}`);
