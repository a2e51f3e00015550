import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StraceParser } from '../../trace/strace-parser.js';
import { TraceTally } from '../../trace/trace-tally.js';
import { Store } from '../../model/store.js';
import { makeTheme } from '../theme.js';
import { TraceView, type TraceFeed } from './trace-view.js';
import { fixturesDir } from '../../../test/helpers/paths.js';

function feedOf(text: string, pid: number, startBreak: number | null, change: Partial<TraceFeed> = {}): TraceFeed & { stopped: number } {
  const parser = new StraceParser(pid);
  const tally = new TraceTally(startBreak);
  for (const call of [...parser.push(text), ...parser.flush()]) tally.add(call);
  const feed = {
    pid, target: { comm: 'tracehog' }, state: 'tracing' as const, endReason: null, stackTraces: true, startedMs: 1000, endedMs: null, tally,
    rates: new Map([['mmap', { callsPerSecond: 5, bytesPerSecond: 5 << 20 }]]), stopped: 0,
    stop() { this.stopped++; return Promise.resolve(); },
    ...change,
  };
  return feed;
}

/** The lines without the theme's bold tags (the colour-less theme still makes headings bold). */
const plain = (lines: string[]) => lines.map((l) => l.replace(/\{\/?bold\}/g, ''));
const context = (height = 30) => ({ store: new Store(), width: 120, height, theme: makeTheme(false) });
const capture = readFileSync(join(fixturesDir, 'strace', 'tracehog-pattern.strace'), 'utf8');

test('the tally of the captured pattern: rows, rates, totals, brk growth, the two stacks', () => {
  const view = new TraceView(feedOf(capture, 32327, 0x5577e66d1000 - 65536), () => 4000);
  const lines = plain(view.render(context()));
  assert.equal(lines[0], ' tracing with strace: 12 memory syscalls in 3 s');
  assert.match(lines.join('\n'), /^mmap +5 +5\.0 +0 +5\.00M +0B +\+5\.00M +5\.00M\/s$/m);
  assert.match(lines.join('\n'), /^munmap +2 +- +0 +0B +2\.00M +-2\.00M +-$/m);
  assert.match(lines.join('\n'), /^total +12 +0 +5\.31M +2\.00M +\+3\.31M/m);
  assert.match(lines.join('\n'), /^ brk growth \+320K$/m);
  const stacks = lines.slice(lines.findIndex((l) => l.includes('TOP STACKS')) + 1);
  assert.match(stacks[0], /^ +\+3\.00M +7 calls +map_five ← main ← __libc_init_first ← __libc_start_main ← _start$/);
  assert.match(stacks[1], /^ +\+320K +5 calls +grow_heap ← main ← /);
  assert.equal(view.title, 'tracehog (32327) › Trace');
});

test('hostile frame names and names are drawn inert: no tag, no escape sequence', () => {
  const hostile = '4242 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000\n'
    + ' > /tmp/x(evil{red-fg}\x1b[2J\u202e+0x1) [0x1]\n';
  const view = new TraceView(feedOf(hostile, 4242, null, { target: { comm: '{bold}x' } }));
  const text = view.render(context()).join('\n');
  assert.ok(text.includes('evil{open}red-fg{close}\\x1b[2J\\u202e'), text);
  assert.ok(!text.includes('\x1b'));
  assert.equal(view.title, '{bold}x (4242) › Trace'); // plain text: the breadcrumb escapes it
});

test('an ended trace says why; leaving the view detaches once per close', () => {
  const feed = feedOf('', 7, null, { state: 'ended', endReason: 'tracehog (7) exited during the trace', endedMs: 2000 });
  const view = new TraceView(feed);
  assert.equal(plain(view.render(context()))[0], ' trace ended: tracehog (7) exited during the trace');
  assert.deepEqual(view.onKey('trace'), { message: 'already tracing this process (Backspace detaches)' });
  assert.deepEqual(view.onKey('escape'), { pop: true });
  view.close();
  assert.equal(feed.stopped, 1);
  assert.equal(view.status(), 'ended');
});

test('the view fits its height: the stacks are cut, Up/Down scroll them', () => {
  const view = new TraceView(feedOf(capture, 32327, null));
  const lines = view.render(context(10));
  assert.equal(lines.length, 10);
  assert.match(lines[9], /map_five/);
  view.onKey('down');
  assert.match(view.render(context(10))[9], /grow_heap/);
  view.onKey('down'); // past the last stack: stays on it
  assert.match(view.render(context(10))[9], /grow_heap/);
  view.onKey('up');
  assert.match(view.render(context(10))[9], /map_five/);
});
