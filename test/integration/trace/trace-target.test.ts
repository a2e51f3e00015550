import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { isKernelThread, parsePidStat } from '../../../src/proc/pid-stat.js';
import { breakOf, effectiveUidOf, tracerPidOf, TraceTarget } from '../../../src/trace/trace-target.js';
import { rateOf } from '../../../src/trace/trace-rates.js';

test('TracerPid and the effective uid from a real status; 0 when absent', () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  assert.equal(tracerPidOf(status), 0);
  assert.equal(effectiveUidOf(status), process.geteuid!());
  assert.equal(tracerPidOf('Name:\tx\nTracerPid:\t4242\n'), 4242);
  assert.equal(tracerPidOf(''), 0);
});

test('the break: the end of [heap] in maps, else start_brk from stat', () => {
  const maps = '55d1c2a4d000-55d1c2a6e000 rw-p 00000000 00:00 0                          [heap]\n';
  assert.equal(breakOf(maps, ''), 0x55d1c2a6e000);
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const startBrk = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[44]);
  assert.equal(breakOf('', stat), startBrk);
  assert.ok(startBrk > 0);
});

test('a real process, a kernel thread and a missing PID', () => {
  const target = new TraceTarget();
  assert.equal(target.inspect(process.pid).tracerPid, 0);
  const kernelThread = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map((n) => {
    try {
      return parsePidStat(readFileSync(`/proc/${n}/stat`, 'utf8'));
    } catch {
      return null;
    }
  }).find((stat) => stat !== null && isKernelThread(stat));
  assert.ok(kernelThread, 'no kernel thread visible in /proc');
  assert.throws(() => target.inspect(kernelThread.pid), new RegExp(`\\(${kernelThread.pid}\\) is a kernel thread`));
  assert.throws(() => target.inspect(999_999_999), /^Error: no such process: 999999999$/);
  assert.ok(target.breakOf(process.pid)! > 0);
});

test('rates per second between two readings', () => {
  const rates = rateOf(new Map([['mmap', { calls: 10, bytes: 100 }]]), new Map([['mmap', { calls: 30, bytes: 300 }], ['brk', { calls: 5, bytes: 0 }]]), 2000);
  assert.deepEqual([...rates], [['mmap', { callsPerSecond: 10, bytesPerSecond: 100 }], ['brk', { callsPerSecond: 2.5, bytesPerSecond: 0 }]]);
  assert.equal(rateOf(new Map(), new Map(), 0).size, 0);
});

test('a session refuses memtop\'s own PID before starting anything', async () => {
  const { TraceSession } = await import('../../../src/trace/trace-session.js');
  assert.throws(() => new TraceSession(process.pid), new RegExp(`^Error: memtop cannot trace itself \\(${process.pid}\\)$`));
});
