/**
 * `memtop trace` on the real tracehog helper with the real strace: the exact tally, the two top
 * stacks, --folded summing to the net bytes, and after every way of ending (--duration, SIGINT,
 * SIGTERM, memtop killed, the target exiting) the helper running on with TracerPid 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memtopBin } from '../helpers/paths.js';
import { startTracehog, tracerPid, until, type Tracehog } from '../helpers/trace-helpers.js';
import type { TraceSummary } from '../../src/trace/trace-summary.js';

const MIB = 1024 * 1024;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startTrace(args: string[]): Run {
  const child = spawn(process.execPath, [memtopBin, 'trace', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d; });
  child.stderr!.on('data', (d: Buffer) => { stderr += d; });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Waits for memtop's "tracing" line: strace is attached from then on. */
async function attached(run: Run, hog: Tracehog): Promise<void> {
  await until('memtop: tracing', () => run.stderr().includes('memtop: tracing') || run.child.exitCode !== null);
  assert.match(run.stderr(), /^memtop: tracing tracehog \(\d+\) with strace.*; Ctrl-C stops \(tracing slows the target\)$/m);
  assert.notEqual(tracerPid(hog.pid), 0);
}

function checkExactTally(summary: TraceSummary): void {
  const row = (name: string) => summary.syscalls.find((s) => s.name === name);
  assert.deepEqual(row('mmap'), { name: 'mmap', calls: 5, errors: 0, mapped: 5 * MIB, unmapped: 0, net: 5 * MIB });
  assert.deepEqual(row('munmap'), { name: 'munmap', calls: 2, errors: 0, mapped: 0, unmapped: 2 * MIB, net: -2 * MIB });
  assert.deepEqual(row('brk'), { name: 'brk', calls: 5, errors: 0, mapped: 5 * 65536, unmapped: 0, net: 5 * 65536 });
  assert.equal(summary.syscalls.length, 3, JSON.stringify(summary.syscalls));
  assert.equal(summary.totals.brkGrowth, 5 * 65536);
  assert.equal(summary.totals.net, 3 * MIB + 5 * 65536);
  const [first, second] = summary.topStacks;
  assert.equal(first.frames.at(-1), 'map_five');
  assert.equal(first.net, 3 * MIB);
  assert.equal(first.calls, 7);
  assert.equal(second.frames.at(-1), 'grow_heap');
  assert.equal(second.net, 5 * 65536);
  assert.equal(summary.topStacks.length, 2);
}

test('--duration: the exact tally in JSON, the two functions as the top stacks, --folded sums to the net bytes; the helper runs on untraced', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const dir = mkdtempSync(join(tmpdir(), 'memtop-trace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const run = startTrace([String(hog.pid), '--duration', '3', '--json', '--folded', join(dir, 'out.folded'), '--svg', join(dir, 'out.svg')]);
  await attached(run, hog);
  await hog.runPattern();
  assert.equal(await run.exit, 0, run.stderr());
  const summary = JSON.parse(run.stdout()) as TraceSummary;
  checkExactTally(summary);
  assert.equal(summary.pid, hog.pid);
  assert.ok(summary.durationSeconds >= 2.9 && summary.durationSeconds < 10, String(summary.durationSeconds));
  const folded = readFileSync(join(dir, 'out.folded'), 'utf8').trim().split('\n');
  assert.equal(folded.length, 2);
  assert.equal(folded.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0), summary.totals.net);
  assert.ok(folded.some((line) => /;main;map_five 3145728$/.test(line)), folded.join('\n'));
  assert.match(readFileSync(join(dir, 'out.svg'), 'utf8'), /data-frame="grow_heap" data-bytes="327680"/);
  assert.ok(hog.runningUntraced());
});

test('the text report: the syscall rows, brk growth and the two stacks with their bytes', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = startTrace([String(hog.pid), '--duration', '2']);
  await attached(run, hog);
  await hog.runPattern();
  assert.equal(await run.exit, 0, run.stderr());
  const text = run.stdout();
  assert.match(text, /^mmap +5 +0 +5\.00M +0B +\+5\.00M +5242880$/m);
  assert.match(text, /^munmap +2 +0 +0B +2\.00M +-2\.00M +-2097152$/m);
  assert.match(text, /^brk +5 +0 +320K +0B +\+320K +327680$/m);
  assert.match(text, /^brk growth: \+320K \(327680 bytes\)$/m);
  const stacks = text.slice(text.indexOf('TOP STACKS')).split('\n').slice(1, 3);
  assert.match(stacks[0], /^ +\+3\.00M +3145728 B +7 calls +map_five ← main ← /);
  assert.match(stacks[1], /^ +\+320K +327680 B +5 calls +grow_heap ← main ← /);
  assert.ok(hog.runningUntraced());
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} to memtop: strace detaches, the tally is printed, exit 0, the helper runs on untraced`, async (t) => {
    const hog = await startTracehog();
    t.after(() => hog.stop());
    const run = startTrace([String(hog.pid), '--json']);
    await attached(run, hog);
    await hog.runPattern();
    run.child.kill(signal);
    assert.equal(await run.exit, 0, run.stderr());
    checkExactTally(JSON.parse(run.stdout()) as TraceSummary);
    assert.ok(hog.runningUntraced());
  });
}

test('memtop killed (SIGKILL, as a crash): strace gets SIGTERM from the kernel and detaches; the helper runs on untraced', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = startTrace([String(hog.pid)]);
  await attached(run, hog);
  run.child.kill('SIGKILL');
  await run.exit;
  await until('TracerPid 0 after memtop died', () => tracerPid(hog.pid) === 0);
  await hog.runPattern(); // it still answers
  assert.ok(hog.runningUntraced());
});

test('the target exits during the trace: what was gathered is printed, then one line, exit 1', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = startTrace([String(hog.pid), '--json']);
  await attached(run, hog);
  await hog.runPattern();
  hog.stop();
  assert.equal(await run.exit, 1);
  assert.match(run.stderr(), new RegExp(`^memtop: tracehog \\(${hog.pid}\\) exited during the trace: the tally above is what was gathered$`, 'm'));
  checkExactTally(JSON.parse(run.stdout()) as TraceSummary);
});

test('--no-stacks: the same exact tally without strace -k, no stacks', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = startTrace([String(hog.pid), '--json', '--no-stacks', '--duration', '2']);
  await attached(run, hog);
  await hog.runPattern();
  assert.equal(await run.exit, 0, run.stderr());
  const summary = JSON.parse(run.stdout()) as TraceSummary;
  assert.equal(summary.stackTraces, false);
  assert.deepEqual(summary.topStacks, []);
  assert.deepEqual(summary.syscalls.map((s) => [s.name, s.calls, s.net]), [['brk', 5, 5 * 65536], ['mmap', 5, 5 * MIB], ['munmap', 2, -2 * MIB]]);
  assert.ok(hog.runningUntraced());
});
