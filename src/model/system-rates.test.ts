import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCpuTicks, parseSystemStat } from '../proc/system-stat.js';
import { totalTicks, vmstatRates } from './system-rates.js';
import type { SystemSample } from '../sampler/sample.js';

function system(statText: string, vmstat: Record<string, number>): SystemSample {
  return { meminfo: {}, vmstat, stat: parseSystemStat(statText), pressure: null, loadavg: null, uptime: null };
}

test('vmstat columns from two readings two seconds apart', () => {
  const before = system('cpu  100 0 50 800 10 0 0 0 0 0\nintr 1000 5 6\nctxt 5000\nprocs_running 1\nprocs_blocked 0\n',
    { pswpin: 10, pswpout: 20, pgpgin: 1000, pgpgout: 2000 });
  const after = system('cpu  160 20 70 880 20 5 5 0 0 0\nintr 3000 5 6\nctxt 9000\nprocs_running 3\nprocs_blocked 2\n',
    { pswpin: 14, pswpout: 20, pgpgin: 1100, pgpgout: 2400 });
  const rates = vmstatRates(before, after, 2000, 4096);
  assert.equal(rates.r, 3);
  assert.equal(rates.b, 2);
  assert.equal(rates.si, (4 * 4096) / 2);
  assert.equal(rates.so, 0);
  assert.equal(rates.bi, (100 * 1024) / 2);
  assert.equal(rates.bo, (400 * 1024) / 2);
  assert.equal(rates.in, 1000);
  assert.equal(rates.cs, 2000);
  // 200 ticks elapsed: user+nice 80, system+irq+softirq 30, idle 80, iowait 10.
  assert.equal(rates.us, 40);
  assert.equal(rates.sy, 15);
  assert.equal(rates.id, 40);
  assert.equal(rates.wa, 5);
  assert.equal(rates.st, 0);
});

test('no elapsed CPU time: the shares are unknown (null), not 0 and not NaN; the rest is 0', () => {
  const same = system('cpu  1 1 1 1 1 0 0 0 0 0\nctxt 5\n', { pswpin: 1, pswpout: 1, pgpgin: 1, pgpgout: 1 });
  const rates = vmstatRates(same, same, 0, 4096);
  assert.deepEqual([rates.us, rates.sy, rates.id, rates.wa, rates.st], [null, null, null, null, null]);
  assert.deepEqual([rates.r, rates.b, rates.si, rates.so, rates.bi, rates.bo, rates.in, rates.cs], [0, 0, 0, 0, 0, 0, 0, 0]);
});

test('no /proc/stat, no vmstat counters: every figure they give is unknown (null), never 0', () => {
  const bare = system('', {});
  const rates = vmstatRates(bare, bare, 1000, 4096);
  assert.ok(Object.values(rates).every((v) => v === null), JSON.stringify(rates));
  // With /proc/stat but a vmstat missing only the swap counters: those alone are unknown.
  const partial = system('cpu  1 1 1 1 1 0 0 0 0 0\n', { pgpgin: 1, pgpgout: 1 });
  const some = vmstatRates(partial, partial, 1000, 4096);
  assert.equal(some.si, null);
  assert.equal(some.bi, 0);
});

test('totalTicks leaves out guest time, which user and nice already hold', () => {
  const ticks = parseCpuTicks(['100', '10', '50', '800', '20', '5', '5', '10', '40', '4']);
  assert.equal(totalTicks(ticks), 100 + 10 + 50 + 800 + 20 + 5 + 5 + 10);
  assert.equal(totalTicks(parseSystemStat('').cpu), 0);
});
