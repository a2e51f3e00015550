import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksForInterval, procFlagOf, startEarlyReadAhead, takeEarlyReadAhead } from './early-read-ahead.js';
import { generateProcTree } from '../../test/helpers/proc-tree.js';
import { procBasic } from '../../test/helpers/paths.js';

test('procFlagOf: "--proc DIR" and "--proc=DIR", the last one wins, nothing after "--"', () => {
  assert.equal(procFlagOf(['snapshot', '--json']), undefined);
  assert.equal(procFlagOf(['snapshot', '--proc', '/host/proc', '--json']), '/host/proc');
  assert.equal(procFlagOf(['snapshot', '--proc=/a', '--proc', '/b']), '/b');
  assert.equal(procFlagOf(['snapshot', '--', '--proc', '/a']), undefined);
  assert.equal(procFlagOf(['snapshot', '--proc']), undefined);
});

test('asksForInterval: --interval and -i in every spelling commander takes, not an i inside a value', () => {
  for (const args of [['--interval', '1'], ['--interval=1'], ['-i', '1'], ['-i0.1'], ['-ki0.1'], ['-rtki', '2'], ['--json', '-i', '1']]) {
    assert.equal(asksForInterval(args), true, args.join(' '));
  }
  for (const args of [['--json'], ['-finit'], ['-cpid,rss'], ['-spid'], ['-u', 'pi'], ['--', '-i', '1'], ['-k'], ['--filter', '-i'], ['-f', '-i'], ['-kf', '-i']]) {
    assert.equal(asksForInterval(args), false, args.join(' '));
  }
});

test('a snapshot of a large tree starts reading ahead; other commands, help and small trees do not', (t) => {
  const tree = generateProcTree(400);
  t.after(() => tree.remove());
  const argv = (...args: string[]) => ['node', 'memtop', ...args];
  startEarlyReadAhead(argv('snapshot', '--json', '--proc', tree.root), {});
  const run = takeEarlyReadAhead();
  assert.ok(run, 'started');
  assert.equal(run.root, tree.root);
  assert.equal(run.pids.length, 400);
  run.finish();
  assert.equal(takeEarlyReadAhead(), null, 'taken once');
  startEarlyReadAhead(argv('snapshot', '--csv'), { MEMTOP_PROC: tree.root });
  const fromEnv = takeEarlyReadAhead();
  assert.equal(fromEnv?.root, tree.root, 'the root from MEMTOP_PROC');
  fromEnv?.finish();
  // loadavg counts fewer tasks than the read-ahead's minimum: not even the thread is started.
  writeFileSync(join(tree.root, 'loadavg'), '0.00 0.00 0.00 1/120 500\n');
  startEarlyReadAhead(argv('snapshot', '--proc', tree.root), {});
  assert.equal(takeEarlyReadAhead(), null, 'few tasks');
  for (const args of [['snapshot', '--interval', '1', '--proc', tree.root], ['snapshot', '-i', '1', '--proc', tree.root], ['snapshot', '-i0.1', '--proc', tree.root], ['snapshot', '-ki0.1', '--proc', tree.root], ['snapshot', '--interval=1', '--proc', tree.root], ['maps', '1', '--proc', tree.root], ['snapshot', '--help', '--proc', tree.root], ['--proc', tree.root], ['snapshot', '--proc', procBasic], ['snapshot', '--proc', '/nonexistent']]) {
    startEarlyReadAhead(argv(...args), {});
    assert.equal(takeEarlyReadAhead(), null, args.join(' '));
  }
});
