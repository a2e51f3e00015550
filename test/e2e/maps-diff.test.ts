/**
 * `memtop maps PID --diff SECONDS` on the live kernel with a real helper (test/helpers/growhog.c)
 * that grows [heap] by 8 MiB and fills 16 MiB of an anonymous mapping between the two readings:
 * exactly those two rows change by more than 64 KiB. Run in tmux with stdout to a file, so that
 * the helper is told to grow once memtop's progress line (a terminal's) says the first reading is
 * taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { MEMTOP, memtopExit } from '../helpers/tmux-memtop.js';
import { startGrowhog } from '../helpers/grow-helpers.js';
import { memtopBin } from '../helpers/paths.js';
import type { MappingsDiffJson } from '../../src/model/mapping-diff-json.js';

const KIB = 1024;
const MIB = 1024 * KIB;
const PAGE = 4096;

/** memtop maps ARGS in a tmux pane, stdout to a file; stderr (the progress line, errors) on the pane. */
function inPane(args: string[]): { tmux: Tmux; output: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-diff-'));
  const output = join(dir, 'out');
  const script = 'node="$0"; memtop="$1"; shift; "$node" "$memtop" maps "$@" > "$OUT"; echo "memtop exited with status $?"; exec sleep 600';
  const tmux = new Tmux(['sh', '-c', script, process.execPath, MEMTOP, ...args], { columns: 200, rows: 10, env: { OUT: output, TERM: 'xterm-256color', MEMTOP_PROC: '' } });
  return { tmux, output, done: () => { tmux.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

test('maps --diff: the heap\'s 8 MiB and the region\'s 16 MiB are the only changes above 64 KiB (JSON)', { timeout: 90_000 }, async (t) => {
  const hog = await startGrowhog(8, 16);
  t.after(() => hog.stop());
  const run = inPane([String(hog.pid), '--diff', '4', '--json']);
  t.after(() => run.done());
  await run.tmux.waitFor(/reading them again in 4 s/, 30_000);
  await hog.grow();
  assert.equal(await memtopExit(run.tmux), 0, run.tmux.capture());
  const json = JSON.parse(readFileSync(run.output, 'utf8')) as MappingsDiffJson;
  assert.equal(json.pid, hog.pid);
  assert.ok(json.seconds >= 4 && json.seconds < 10, `${json.seconds} s between the readings`);
  const big = json.mappings.filter((m) => [m.dsize, m.drss, m.dpss, m.duss, m.dswap].some((v) => Math.abs(v) > 64 * KIB));
  assert.deepEqual(big.map((m) => m.start), [hog.regionStart, hog.heapStart], JSON.stringify(big));
  const [region, heap] = big;
  assert.ok(Math.abs(region.drss - 16 * MIB) <= PAGE && Math.abs(region.duss - 16 * MIB) <= PAGE, `region ${region.drss}`);
  assert.equal(region.change, 'kept');
  assert.ok(Math.abs(heap.drss - 8 * MIB) <= PAGE && Math.abs(heap.duss - 8 * MIB) <= PAGE, `heap ${heap.drss}`);
  assert.equal(heap.path, '[heap]');
  assert.equal(heap.dsize, 8 * MIB);
});

test('maps --diff --group path: the same two changes, as [heap] and [anon]; the table says what changed', { timeout: 90_000 }, async (t) => {
  const hog = await startGrowhog(8, 16);
  t.after(() => hog.stop());
  const run = inPane([String(hog.pid), '--diff', '3', '--group', 'path']);
  t.after(() => run.done());
  await run.tmux.waitFor(/reading them again in 3 s/, 30_000);
  await hog.grow();
  assert.equal(await memtopExit(run.tmux), 0, run.tmux.capture());
  const lines = readFileSync(run.output, 'utf8').split('\n');
  assert.match(lines[0], new RegExp(`^${hog.pid}: growhog: \\d+ groups changed in \\d+(\\.\\d+)? s`));
  assert.match(lines[1], /^KIND +MAPS CHG +ΔSIZE +ΔRSS +ΔPSS +ΔUSS +ΔSWAP +RSS PATH$/);
  assert.match(lines[2], /^anon +\d+ +0 \+16\.0M \+16\.0M \+16\.0M +0 .* \[anon\]$/);
  assert.match(lines[3], /^heap +1 +\+8\.00M \+8\.00M \+8\.00M \+8\.00M +0 .* \[heap\]$/);
  for (const line of lines.slice(4, -2)) assert.doesNotMatch(line, /[+-]\d+(\.\d+)?[MG]|[+-](6[5-9]|[7-9]\d|\d{3})(\.\d)?K/, `nothing else moved by 64 KiB: ${line}`);
});

test('maps --diff: a process that exits between the readings is one line on stderr, exit 1, and no output', { timeout: 60_000 }, async (t) => {
  const hog = await startGrowhog(1, 1);
  t.after(() => hog.stop());
  const run = inPane([String(hog.pid), '--diff', '3', '--json']);
  t.after(() => run.done());
  await run.tmux.waitFor(/reading them again in 3 s/, 30_000);
  hog.stop();
  assert.equal(await memtopExit(run.tmux), 1);
  assert.match(run.tmux.capture(), new RegExp(`memtop: process ${hog.pid} exited during the 3 s between the two readings: there is no change to show\\n`));
  assert.equal(readFileSync(run.output, 'utf8'), '');
});

test('maps --diff with a bad number of seconds is a usage error (exit 2), one line', () => {
  for (const bad of ['0', 'abc', '-1', '1e3']) {
    const run = spawnSync(process.execPath, [memtopBin, 'maps', String(process.pid), '--diff', bad], { encoding: 'utf8' });
    assert.equal(run.status, 2, bad);
    assert.match(run.stderr, new RegExp(`^memtop: --diff takes a number of seconds from 0.1 to 86400, not '${bad}'\\n`));
    assert.equal(run.stdout, '');
  }
});
