/**
 * The Trace view in a real terminal (tmux) on tracehog with the real strace: `s` on the helper
 * shows its exact tally and its two functions as the top stacks, live; Backspace, q, the F2
 * picker's Trace entry with SIGTERM, and memtop killed each leave the helper running, untraced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, memtopPid } from '../helpers/tmux-memtop.js';
import { startTracehog, tracerPid, until, type Tracehog } from '../helpers/trace-helpers.js';

async function selectHelper(tmux: Tmux, hog: Tracehog): Promise<void> {
  await tmux.waitFor(/total of [1-9]\d* shown/);
  tmux.send('/');
  tmux.type(`tracehog`);
  await tmux.waitFor('Search: tracehog');
  tmux.send('Enter');
  await tmux.waitFor((s) => !s.includes('Search:') && new RegExp(`^ *${hog.pid} `, 'm').test(s));
}

async function traced(tmux: Tmux, hog: Tracehog): Promise<void> {
  await tmux.waitFor(new RegExp(`Processes › tracehog \\(${hog.pid}\\) › Trace +tracing slows the target · Backspace detaches`));
  await tmux.waitFor(/tracing with strace: \d+ memory syscalls/);
  await until('strace attached', () => (tracerPid(hog.pid) ?? 0) !== 0);
}

test('s traces the selected process: the exact tally and top stacks, live; Backspace detaches; s again and q detaches too', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const tmux = new Tmux(memtopCommand(), { columns: 140, rows: 40 });
  try {
    await selectHelper(tmux, hog);
    tmux.send('s');
    await traced(tmux, hog);
    assert.match(tmux.capture(), /tracing slows the target\s*$/m);
    await hog.runPattern();
    await tmux.waitForAll([
      /^mmap +5 +[\d.]+ +0 +5\.00M +0B +\+5\.00M +\S+$/m,
      /^munmap +2 +[\d.]+ +0 +0B +2\.00M +-2\.00M +\S+$/m,
      /^brk +5 +[\d.]+ +0 +320K +0B +\+320K +\S+$/m,
      /^total +12 +0 +5\.31M +2\.00M +\+3\.31M/m,
      /brk growth \+320K/,
      /^ +\+3\.00M +7 calls +map_five ← main ← /m,
      /^ +\+320K +5 calls +grow_heap ← main ← /m,
    ]);
    const screen = tmux.capture();
    const stacks = screen.slice(screen.indexOf('TOP STACKS')).split('\n').slice(1, 3);
    assert.match(stacks[0], /map_five/);
    assert.match(stacks[1], /grow_heap/);
    tmux.send('BSpace');
    await tmux.waitFor(/^ Processes +\d+ of/m);
    await until('TracerPid 0 after Backspace', () => tracerPid(hog.pid) === 0);
    assert.ok(hog.runningUntraced());
    tmux.send('s');
    await traced(tmux, hog);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
    assert.equal(tracerPid(hog.pid), 0, 'strace had detached when memtop exited');
    assert.ok(hog.runningUntraced());
  } finally {
    tmux.kill();
  }
});

test('F2 offers Trace of the selected process; SIGTERM to memtop while tracing detaches, exit 0', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const tmux = new Tmux(memtopCommand(), { columns: 140, rows: 40 });
  try {
    await selectHelper(tmux, hog);
    tmux.send('F2');
    await tmux.waitFor(new RegExp(`Trace +memory syscalls of tracehog \\(${hog.pid}\\) \\(strace\\)`));
    // Processes, Mappings, History, Trace.
    tmux.send('Down', 'Down', 'Down');
    tmux.send('Enter');
    await traced(tmux, hog);
    process.kill(memtopPid(tmux), 'SIGTERM');
    assert.equal(await memtopExit(tmux), 0);
    assert.equal(tracerPid(hog.pid), 0);
    assert.ok(hog.runningUntraced());
  } finally {
    tmux.kill();
  }
});

test('memtop killed while tracing (SIGKILL): strace detaches all the same', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const tmux = new Tmux(memtopCommand(), { columns: 140, rows: 40 });
  try {
    await selectHelper(tmux, hog);
    tmux.send('s');
    await traced(tmux, hog);
    process.kill(memtopPid(tmux), 'SIGKILL');
    await until('TracerPid 0 after memtop died', () => tracerPid(hog.pid) === 0);
    await hog.runPattern();
    assert.ok(hog.runningUntraced());
  } finally {
    tmux.kill();
  }
});

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

test('memtop stopped while tracing: strace runs in a process group of its own (the UI\'s suspend stops memtop\'s whole group), and the helper is not held', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const tmux = new Tmux(memtopCommand(), { columns: 140, rows: 40 });
  try {
    await selectHelper(tmux, hog);
    tmux.send('s');
    await traced(tmux, hog);
    const memtop = memtopPid(tmux);
    const strace = tracerPid(hog.pid)!;
    // Stopping the group itself cannot be shown in tmux: its server continues a stopped pane's group.
    assert.notEqual(statFields(strace)[2], statFields(memtop)[2], 'strace is in memtop\'s process group');
    process.kill(memtop, 'SIGSTOP');
    await until('memtop stopped', () => statFields(memtop)[0] === 'T');
    await hog.runPattern(); // answered while memtop is stopped
    assert.notEqual(statFields(strace)[0], 'T');
    process.kill(memtop, 'SIGCONT');
    await tmux.waitFor(/^total +12 +0 +5\.31M +2\.00M +\+3\.31M/m);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
    assert.ok(hog.runningUntraced());
  } finally {
    tmux.kill();
  }
});
