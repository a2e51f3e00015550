/**
 * The Tree and Programs views at N = 3000 extra processes, in a real terminal (tmux), --delay 1:
 * key-to-screen latency of a sort-column key (`>`/`<`: the whole tree or group table is re-sorted),
 * sent 0.1–1 s apart at random so some land during a sample; from sending the key until
 * `capture-pane` shows the new sort column. Also the time from the view's key to its first screen.
 *
 * Usage: npm run build && node dist/bench/views-bench.js [--keys 30] [--load 3000]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import { machineLine, median, memtopCommand, memtopMain, startLoad, writeResultsSection } from './bench-tools.js';
import { TmuxPane } from './tmux-pane.js';
import { percentile, sortLatencies } from './sort-latency.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const keyCount = Number(option('--keys', '30'));
const loadCount = Number(option('--load', '3000'));

interface ViewRun { openMs: number; keys: number[] }

async function measure(): Promise<{ processes: ViewRun; tree: ViewRun; programs: ViewRun; rows: number }> {
  const pane = new TmuxPane(memtopCommand('--delay', '1'));
  try {
    const screen = pane.capture();
    pane.waitFor((s) => /total of \d+ shown/.test(s));
    const rows = Number(/total of (\d+) shown/.exec(pane.capture())?.[1] ?? /(\d+) of/.exec(screen)?.[1] ?? 0);
    await sleep(2000);
    // The Processes view in the same run: what the machine gives any key now.
    const processes = { openMs: 0, keys: await sortLatencies(pane, keyCount) };
    let start = performance.now();
    pane.sendKeys('F5');
    pane.waitFor((s) => /Processes › Tree/.test(s) && /SUBPSS/.test(s), 5000);
    const tree = { openMs: performance.now() - start, keys: [] as number[] };
    tree.keys = await sortLatencies(pane, keyCount);
    pane.sendKeys('F2');
    pane.waitFor((s) => /Views — Enter replaces/.test(s), 5000);
    pane.sendKeys('Home', 'Down', 'Down', 'Down', 'Down');
    start = performance.now();
    pane.sendKeys('Enter');
    pane.waitFor((s) => /Programs +\d+ programs/.test(s), 5000);
    const programs = { openMs: performance.now() - start, keys: [] as number[] };
    programs.keys = await sortLatencies(pane, keyCount);
    return { processes, tree, programs, rows };
  } finally {
    pane.kill();
  }
}

const load = startLoad(loadCount);
const run = await measure();
load.stop();

/** `memtop libs` (what the Libraries view reads) over every process at N = 1000 extra. */
function libsCost(): { ms: number; read: number; wallMs: number } {
  const small = startLoad(1000);
  try {
    const start = performance.now();
    const out = execFileSync(process.execPath, [memtopMain, 'libs', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallMs = performance.now() - start;
    const json = JSON.parse(out) as { readMs: number; processesRead: number };
    return { ms: json.readMs, read: json.processesRead, wallMs };
  } finally {
    small.stop();
  }
}
const libs = [libsCost(), libsCost(), libsCost()].sort((a, b) => a.ms - b.ms)[1];

const ms = (x: number) => `${x.toFixed(0)} ms`;
const line = (name: string, r: ViewRun) =>
  `| ${name} | ${ms(r.openMs)} | ${ms(median(r.keys))} (${ms(percentile(r.keys, 90))}, ${ms(Math.max(...r.keys))}) |`;
const section = `## The Tree and Programs views at N = ${loadCount}

\`npm run build && node dist/bench/views-bench.js --keys ${keyCount} --load ${loadCount}\` — ${machineLine()}.

Target (issue 13): key-to-screen median ≤ 50 ms at N = 3000. ${run.rows} processes shown. A key is
\`>\`/\`<\` (sort column: the whole tree re-walked, or every group re-sorted), sent 0.1–1 s apart
at random; its latency runs from sending it until \`capture-pane\` shows the new sort column.
"Open" is F5 (Tree) or Enter in the F2 picker (Programs) to the view's first screen.

| view | open | sort key: median (p90, max) of ${keyCount} |
|---|---|---|
${line('Processes (same run, for comparison)', run.processes)}
${line('Tree', run.tree)}
${line('Programs', run.programs)}

What the Libraries view costs (it runs \`memtop libs\`'s read, every process's smaps, in a worker):
\`memtop libs --json\` at N = 1000 extra read ${libs.read} processes' smaps in ${libs.ms} ms
(${ms(libs.wallMs)} for the whole command; the median of 3 runs).
`;
console.log(section);
console.log(`written to ${writeResultsSection('views-bench', section)}`);
