import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerLines } from './header.js';
import { freeCells } from '../../model/system-cells.js';
import { freeSummary } from '../../model/free-summary.js';
import { makeTheme } from '../theme.js';
import { parseSystemStat } from '../../proc/system-stat.js';
import type { Store } from '../../model/store.js';
import { noReads, type Sample } from '../../sampler/sample.js';

const GIB = 1024 ** 3;

function storeWith(meminfo: Record<string, number>): Store {
  const sample: Sample = {
    timeMs: 0, monotonicMs: 0, detailSource: 'smaps_rollup', costMs: 10, processes: [],
    stats: { listed: 0, gone: 0, denied: 0, reads: noReads(), refused: [] }, own: { cpuPercent: 3.14, rssBytes: 58 * 1024 * 1024 },
    system: { meminfo, vmstat: {}, stat: parseSystemStat(''), pressure: null, loadavg: null, uptime: null },
  };
  return { latest: sample } as unknown as Store;
}

test('the memory bar\'s used is free\'s (MemTotal − MemAvailable): shared memory (tmpfs, /dev/shm) counts as used, reclaimable cache does not', () => {
  // 8 GiB, 4 free, 3 in Cached of which 2 are shmem (a 2 GiB file in /dev/shm): 1 GiB of cache can go.
  const store = storeWith({ MemTotal: 8 * GIB, MemFree: 4 * GIB, Buffers: 0, Cached: 3 * GIB, SReclaimable: 0, Shmem: 2 * GIB, MemAvailable: 5 * GIB, SwapTotal: 0, SwapFree: 0 });
  const [mem] = headerLines(store, 120, makeTheme(false), { rssBytes: 0, intervalMs: 1000, paused: false });
  assert.match(mem, /3\.00G\/8\.00G(\{\/bold\})*(\{bold\})*\]/, mem);
  // Monochrome: '|' for used, '*' for the reclaimable cache, in proportion (3/8 and 1/8 of the bar).
  const bar = mem.replace(/\{[^}]*\}/g, '').replace(/^.*?\[/, '');
  const used = bar.split('').filter((c) => c === '|').length;
  const cache = bar.split('').filter((c) => c === '*').length;
  assert.ok(Math.abs(used / cache - 3) < 0.5, `used ${used} cells, cache ${cache} cells: ${mem}`);
  // Without shmem, the same cache is all reclaimable: 1 GiB used.
  const plain = storeWith({ MemTotal: 8 * GIB, MemFree: 4 * GIB, Buffers: 0, Cached: 3 * GIB, SReclaimable: 0, Shmem: 0, MemAvailable: 7 * GIB, SwapTotal: 0, SwapFree: 0 });
  assert.match(headerLines(plain, 120, makeTheme(false), { rssBytes: 0, intervalMs: 1000, paused: false })[0], /1\.00G\/8\.00G(\{\/bold\})*(\{bold\})*\]/);
});

test('the header and the System view say the same used: the free summary\'s', () => {
  const meminfo = { MemTotal: 8 * GIB, MemFree: 1 * GIB, Buffers: GIB / 4, Cached: 3 * GIB, SReclaimable: GIB / 2, Shmem: GIB / 8, MemAvailable: 4.5 * GIB, SwapTotal: 0, SwapFree: 0 };
  const [mem] = headerLines(storeWith(meminfo), 120, makeTheme(false), { rssBytes: 0, intervalMs: 1000, paused: false });
  const [, total, used] = freeCells(freeSummary(meminfo))[0];
  assert.equal(used, '3.50G', 'MemTotal − MemAvailable');
  assert.ok(mem.includes(`${used}/${total}`), mem);
});

test('the header shows memtop\'s own CPU (all threads) and RSS, not only the sample\'s time', () => {
  const store = storeWith({ MemTotal: 8 * GIB, MemFree: 4 * GIB, MemAvailable: 4 * GIB, SwapTotal: 0, SwapFree: 0 });
  const lines = headerLines(store, 120, makeTheme(false), { rssBytes: 58 * 1024 * 1024, intervalMs: 2000, paused: false });
  assert.match(lines[3], /^ memtop: 3\.1% CPU 58\.0M · sample 10 ms every 2 s$/, lines[3]);
});

test('processes whose stat was refused (hidepid) are counted in the header as hidden, not left out silently', () => {
  const store = storeWith({ MemTotal: 8 * GIB, MemFree: 4 * GIB, SwapTotal: 0, SwapFree: 0 });
  const sample = store.latest!;
  sample.stats.unreadable = [1, 2, 3].map((pid) => ({ pid, file: 'stat', why: 'refused' as const }));
  sample.system.hidepid = 'noaccess';
  const [tasks] = headerLines(store, 160, makeTheme(false), { rssBytes: 0, intervalMs: 1000, paused: false });
  assert.match(tasks, /Tasks:.*; 3 processes hidden from you/, tasks);
  // hidepid=invisible lists none of them: loadavg's count, less the threads shown, says how many tasks.
  sample.stats.unreadable = undefined;
  sample.system.hidepid = 'invisible';
  sample.system.loadavg = { load1: 0, load5: 0, load15: 0, runningTasks: 1, totalTasks: 90, lastPid: 5 };
  assert.match(headerLines(store, 160, makeTheme(false), { rssBytes: 0, intervalMs: 1000, paused: false })[0], /~90 tasks hidden from you \(hidepid\)/);
});
