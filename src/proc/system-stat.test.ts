import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSystemStat, parseCpuTicks } from './system-stat.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

const captured = fixtureText('proc-basic/stat');

function line(key: string): number[] {
  const found = captured.split('\n').find((l) => l.split(/\s+/)[0] === key);
  assert.ok(found, `no ${key} line`);
  return found.trim().split(/\s+/).slice(1).map(Number);
}

test('the captured /proc/stat: cpu lines, counters and boot time as the text says', () => {
  const stat = parseSystemStat(captured);
  const cpu = line('cpu');
  assert.deepEqual(Object.values(stat.cpu), cpu);
  assert.equal(stat.cpu.idle, cpu[3]);
  assert.equal(stat.cpu.steal, cpu[7]);
  const cpuLines = captured.split('\n').filter((l) => /^cpu\d+ /.test(l));
  assert.equal(stat.cpus.length, cpuLines.length);
  assert.ok(stat.cpus.length >= 1);
  assert.deepEqual(Object.values(stat.cpus[0]), line('cpu0'));
  // The aggregate is the per-CPU lines summed, but not exactly: the kernel keeps CPU time in
  // nanoseconds and converts each line to ticks on its own, truncating, so the sum of the
  // per-CPU lines may fall short by less than one tick per CPU (captured: user 2427 vs 901 + 1525).
  for (const key of Object.keys(stat.cpu) as (keyof typeof stat.cpu)[]) {
    const shortfall = stat.cpu[key] - stat.cpus.reduce((sum, c) => sum + c[key], 0);
    assert.ok(shortfall >= 0 && shortfall < stat.cpus.length, `${key}: aggregate - sum = ${shortfall}`);
  }
  assert.equal(stat.contextSwitches, line('ctxt')[0]);
  assert.equal(stat.interrupts, line('intr')[0]);
  assert.equal(stat.bootTimeSeconds, line('btime')[0]);
  assert.equal(stat.forks, line('processes')[0]);
  assert.equal(stat.procsRunning, line('procs_running')[0]);
  assert.equal(stat.procsBlocked, line('procs_blocked')[0]);
  assert.ok(stat.bootTimeSeconds > 1_000_000_000);
});

test('an old kernel with fewer cpu columns (2.6.10: no steal, guest) gives zeros for them', () => {
  const stat = parseSystemStat('cpu  10 1 5 100 2 0 3\ncpu0 10 1 5 100 2 0 3\nctxt 5\n');
  assert.deepEqual(stat.cpu, {
    user: 10, nice: 1, system: 5, idle: 100, iowait: 2, irq: 0, softirq: 3, steal: 0, guest: 0, guestNice: 0,
  });
  assert.equal(stat.cpus.length, 1);
  assert.equal(stat.contextSwitches, 5);
  assert.equal(stat.procsRunning, 0);
});

test('empty and truncated text neither throws nor invents numbers', () => {
  const empty = parseSystemStat('');
  assert.deepEqual(Object.values(empty.cpu), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(empty.cpus, []);
  const cut = parseSystemStat('cpu  2427 0 1297 57932 96 0 25 8 0 0\ncpu0 901 0 5');
  assert.equal(cut.cpu.user, 2427);
  assert.deepEqual(Object.values(cut.cpus[0]), [901, 0, 5, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(parseSystemStat('ctxt\nbtime x\n').contextSwitches, 0);
});

test('cpu ticks: a field that is no number reads as 0', () => {
  assert.equal(parseCpuTicks(['x', '', '3']).user, 0);
  assert.equal(parseCpuTicks(['x', '', '3']).system, 3);
});

test('no btime, or a btime that is not a number: the boot time is unknown (null), not 1970', () => {
  assert.equal(parseSystemStat('cpu  1 0 1 2 0 0 0 0 0 0\n').bootTimeSeconds, null);
  assert.equal(parseSystemStat('cpu  1 0 1 2 0 0 0 0 0 0\nbtime -5\n').bootTimeSeconds, null);
  assert.equal(parseSystemStat('btime 1795657051\n').bootTimeSeconds, 1795657051);
});

test('found by fast-check: a negative or rounded tick count is not a figure (0, as a missing one)', () => {
  const stat = parseSystemStat('cpu  -1 0 1297 9007199254740993 96 0 25 8 0 0\nctxt -5\n');
  assert.deepEqual([stat.cpu.user, stat.cpu.idle, stat.cpu.system, stat.contextSwitches], [0, 0, 1297, 0]);
});
