/**
 * The leak marker, the header count and the History view in a real terminal (tmux), at -d 1,
 * with the real helper shapes (test/helpers/leakhog.c): the 1 MiB/s leak is marked once growth
 * has its 30 s of data; idle, sawtooth and one-time growth are not; H opens the History view of
 * the selected process with its growth and fit, and Backspace returns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { startLeakShapes } from '../helpers/leak-helpers.js';

test('at -d 1 the leaking helper is marked (! and the header count) and the others are not; H shows its History', { timeout: 150_000 }, async (t) => {
  const shapes = await startLeakShapes();
  t.after(() => shapes.stop());
  const pids = [shapes.leak, shapes.idle, shapes.sawtooth, shapes.once].map((h) => h.pid);
  const startedMs = Date.now();
  const tmux = new Tmux(memtopCommand(['-d', '1', '-p', pids.join(','), '-c', 'pid,uss,growth,command', '-s', 'growth']), { columns: 140, rows: 40 });
  t.after(() => tmux.kill());
  const row = (pid: number) => new RegExp(`^ *${pid} +\\S+ +(\\S+) `, 'm');
  // The header counts suspects among every process on the machine (as Tasks counts them all), so
  // on a shared machine it may count more than this test's helpers: at least the leak.
  const screen = await tmux.waitFor((s) => /\d+ suspected leaks? \(!\)/.test(s) && /^!/.test(row(shapes.leak.pid).exec(s)?.[1] ?? ''), 60_000);
  const flaggedAfterMs = Date.now() - startedMs;
  // Growth waits for 30 s of data; the rest is start-up and the 1 s tick.
  assert.ok(flaggedAfterMs <= 40_000, `flagged after ${flaggedAfterMs} ms`);
  assert.match(row(shapes.leak.pid).exec(screen)![1], /^!\+\d+M\/m$/);
  // Watch a while longer: the sawtooth runs many cycles, the one-time grower grew (at 8 s) long ago.
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const now = tmux.capture();
    assert.match(now, /\d+ suspected leaks? \(!\)/, now);
    assert.match(row(shapes.leak.pid).exec(now)?.[1] ?? '', /^!/, now);
    for (const helper of [shapes.idle, shapes.sawtooth, shapes.once]) {
      const cell = row(helper.pid).exec(now)?.[1] ?? '';
      assert.ok(!cell.startsWith('!'), `${helper.pid} marked: ${cell}\n${now}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  // Select the leak by its command line: while the one-time grower's step is inside the window its
  // slope can rank above the leak's (it is not suspected: its fit is poor).
  tmux.send('/');
  tmux.type('leak 1024');
  await tmux.waitFor('Search: leak 1024');
  tmux.send('Enter');
  await tmux.waitFor((s) => !s.includes('Search:'));
  tmux.send('H');
  await tmux.waitForAll([
    new RegExp(`Processes › leakhog \\(${shapes.leak.pid}\\) › History`),
    /Growth +\+\d+M\/m of USS, fit r² (0\.9\d|1\.00) over \S+ \(\d+ readings\) · suspected leak/,
    /RSS +now \S+ +min \S+ +max \S+ +peak \S+ \(VmHWM\)/,
    /Memory, MiB \(last/,
  ]);
  tmux.send('g');
  await tmux.waitFor(/per-minute means/);
  tmux.send('BSpace');
  await tmux.waitFor(/^ Processes +\d+ of/m);
  tmux.send('q');
  assert.equal(await memtopExit(tmux), 0);
});
