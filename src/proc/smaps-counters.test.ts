import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCounterLines, isSummedCounter, summarize } from './smaps-counters.js';

test('parseCounterLines: kB amounts in bytes, per-mapping properties as numbers, VmFlags skipped', () => {
  const into = { Rss: 1 };
  const counters = parseCounterLines([
    '7f98920c5000-7f98920eb000 r--p 00000000 fe:00 339380     /usr/lib/x86_64-linux-gnu/libc.so.6',
    'Size:                152 kB', 'KernelPageSize:        4 kB', 'Rss:                 148 kB',
    'Pss:                  22 kB', 'THPeligible:           0', 'ProtectionKey:         3',
    'VmFlags: rd mr mw me', 'FutureCounter:        8 kB', 'FutureCount:          8',
  ].join('\n'), into);
  assert.equal(counters, into, 'fills the record it is given');
  assert.deepEqual(counters, {
    Rss: 148 * 1024, Size: 152 * 1024, KernelPageSize: 4096, Pss: 22 * 1024, THPeligible: 0,
    ProtectionKey: 3, FutureCounter: 8192,
  });
});

test('an amount cut before its unit is left out', () => {
  assert.deepEqual(parseCounterLines('Rss:   148 kB\nPss:    22'), { Rss: 148 * 1024 });
  assert.deepEqual(parseCounterLines(''), {});
});

test('isSummedCounter: amounts yes, page sizes and flags no', () => {
  for (const key of ['Rss', 'Pss', 'Swap', 'SwapPss', 'Locked', 'LazyFree']) assert.ok(isSummedCounter(key), key);
  for (const key of ['KernelPageSize', 'MMUPageSize', 'THPeligible', 'ProtectionKey']) assert.ok(!isSummedCounter(key), key);
});

test('summarize: USS is private, shared is shared, dirty is both dirty', () => {
  const kb = (n: number) => n * 1024;
  const s = summarize({
    Rss: kb(100), Pss: kb(70), Shared_Clean: kb(30), Shared_Dirty: kb(10), Private_Clean: kb(20),
    Private_Dirty: kb(40), Swap: kb(5), SwapPss: kb(3), Locked: kb(2), Anonymous: kb(45),
  });
  assert.deepEqual(s, {
    rssBytes: kb(100), pssBytes: kb(70), ussBytes: kb(60), sharedBytes: kb(40), dirtyBytes: kb(50),
    swapBytes: kb(5), swapPssBytes: kb(3), lockedBytes: kb(2), anonymousBytes: kb(45),
  });
  assert.deepEqual(Object.values(summarize({})), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
});
