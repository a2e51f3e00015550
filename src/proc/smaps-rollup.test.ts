import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRollupSummary, parseSmapsRollup } from './smaps-rollup.js';
import { summarize } from './smaps-counters.js';
import { PROC_BASIC, fixturePidsWithMemory, fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';
import { existsSync } from 'node:fs';

const procs = fixtureProcesses();

test('every captured smaps_rollup: each counter line, in bytes', () => {
  for (const pid of fixturePidsWithMemory()) {
    const text = fixtureText(`proc-basic/${pid}/smaps_rollup`);
    const rollup = parseSmapsRollup(text);
    assert.ok(rollup, `${pid}`);
    const lines = text.trimEnd().split('\n');
    assert.match(lines[0], /^[0-9a-f]+-[0-9a-f]+ ---p 00000000 00:00 0 +\[rollup\]$/);
    assert.deepEqual(Object.keys(rollup), lines.slice(1).map((l) => l.slice(0, l.indexOf(':'))));
    for (const line of lines.slice(1)) {
      const [, key, kb] = /^(\w+):\s+(\d+) kB$/.exec(line) ?? assert.fail(line);
      assert.equal(rollup[key], Number(kb) * 1024, `${pid} ${key}`);
    }
    // Pss is split by kind; each part is truncated to whole kB on its own, so the parts fall
    // short of Pss by less than 3 kB.
    const short = rollup.Pss - (rollup.Pss_Anon + rollup.Pss_File + rollup.Pss_Shmem);
    assert.ok(short >= 0 && short < 3 * 1024, `${pid}: Pss - parts = ${short}`);
    assert.equal(rollup.Rss, rollup.Shared_Clean + rollup.Shared_Dirty + rollup.Private_Clean + rollup.Private_Dirty);
  }
});

test('the rollup of memhog: what memtop shows for it', () => {
  const rollup = parseSmapsRollup(fixtureText(`proc-basic/${procs.memhog}/smaps_rollup`))!;
  const summary = summarize(rollup);
  assert.equal(summary.rssBytes, rollup.Rss);
  assert.equal(summary.ussBytes, rollup.Private_Clean + rollup.Private_Dirty);
  assert.equal(summary.sharedBytes, rollup.Shared_Clean + rollup.Shared_Dirty);
  assert.equal(summary.rssBytes, summary.ussBytes + summary.sharedBytes);
  assert.ok(summary.ussBytes < summary.pssBytes && summary.pssBytes < summary.rssBytes);
  assert.equal(rollup.AnonHugePages, 8 * 1024 * 1024);
  assert.equal(rollup.LazyFree, 512 * 1024);
  assert.equal(summary.swapBytes, 0, 'no swap on the capture machine');
});

test('kernel thread and zombie: empty smaps_rollup (ESRCH) gives null; refused PID 1 has no file', () => {
  assert.equal(fixtureText(`proc-basic/${procs.kthreadd}/smaps_rollup`), '');
  assert.equal(parseSmapsRollup(fixtureText(`proc-basic/${procs.kthreadd}/smaps_rollup`)), null);
  assert.equal(parseSmapsRollup(fixtureText(`proc-basic/${procs.zombie}/smaps_rollup`)), null);
  assert.equal(existsSync(`${PROC_BASIC}/${procs.init}/smaps_rollup`), false);
});

test('a truncated rollup: null before Rss is whole, the cut line left out after', () => {
  const text = fixtureText(`proc-basic/${procs.sleeper}/smaps_rollup`);
  const rssKbEnd = text.indexOf(' kB', text.indexOf('Rss:')) + 3;
  for (let cut = 0; cut < rssKbEnd; cut++) assert.equal(parseSmapsRollup(text.slice(0, cut)), null, `cut at ${cut}`);
  const afterRss = parseSmapsRollup(text.slice(0, rssKbEnd));
  assert.deepEqual(afterRss, { Rss: parseSmapsRollup(text)!.Rss });
  const inPss = parseSmapsRollup(text.slice(0, text.indexOf(' kB', text.indexOf('Pss:'))));
  assert.deepEqual(Object.keys(inPss!), ['Rss']);
});

test('a rollup from an older kernel (4.14: no Pss_Anon/Pss_File/Pss_Shmem/Pss_Dirty/KSM)', () => {
  const rollup = parseSmapsRollup([
    '00400000-7ffc8a5e4000 ---p 00000000 00:00 0                              [rollup]',
    'Rss:                2052 kB', 'Pss:                 534 kB', 'Shared_Clean:        1620 kB',
    'Shared_Dirty:          0 kB', 'Private_Clean:        268 kB', 'Private_Dirty:        164 kB',
    'Referenced:          2052 kB', 'Anonymous:            164 kB', 'LazyFree:               0 kB',
    'AnonHugePages:          0 kB', 'ShmemPmdMapped:         0 kB', 'Shared_Hugetlb:         0 kB',
    'Private_Hugetlb:        0 kB', 'Swap:                  0 kB', 'SwapPss:               0 kB',
    'Locked:                0 kB', '',
  ].join('\n'));
  assert.ok(rollup);
  assert.equal(rollup.Pss, 534 * 1024);
  assert.equal(rollup.Pss_Anon, undefined);
  assert.equal(summarize(rollup).ussBytes, (268 + 164) * 1024);
});

test('the fast summary equals the summary of the full parse, for every capture', () => {
  for (const pid of fixturePidsWithMemory()) {
    const text = fixtureText(`proc-basic/${pid}/smaps_rollup`);
    assert.deepEqual(parseRollupSummary(text), summarize(parseSmapsRollup(text)!), `${pid}`);
  }
  assert.equal(parseRollupSummary(''), null);
});

test('the fast summary of a rollup cut anywhere is null or whole, never partial', () => {
  const text = fixtureText(`proc-basic/${procs.memhog}/smaps_rollup`);
  const whole = parseRollupSummary(text);
  const lockedEnd = text.indexOf(' kB', text.indexOf('Locked:')) + 3;
  for (let cut = 0; cut < text.length; cut++) {
    const summary = parseRollupSummary(text.slice(0, cut));
    if (cut < lockedEnd) assert.equal(summary, null, `cut at ${cut}`);
    else assert.deepEqual(summary, whole, `cut at ${cut}`);
  }
});

test('the fast summary reads the lines in any order (hand-written text), to the same figures', () => {
  const text = fixtureText(`proc-basic/${procs.memhog}/smaps_rollup`);
  const [header, ...lines] = text.trimEnd().split('\n');
  const shuffled = [header, ...lines.reverse()].join('\n') + '\n';
  assert.deepEqual(parseRollupSummary(shuffled), parseRollupSummary(text));
  assert.equal(parseRollupSummary(shuffled.replace(/^Anonymous:.*\n/m, '')), null, 'a needed line missing');
});

test('found by fast-check: a figure or a sum beyond 2^53 bytes makes the summary unknown, never rounded', () => {
  const rollup = fixtureText(`proc-basic/${fixtureProcesses().memhog}/smaps_rollup`);
  assert.ok(parseRollupSummary(rollup) !== null);
  assert.equal(parseRollupSummary(rollup.replace(/^Rss:( +)\d+ kB$/m, 'Rss:$118446744073709551616 kB')), null);
  assert.equal(parseRollupSummary(rollup.replace(/^Pss:( +)\d+ kB$/m, 'Pss:$18796093022208 kB')), null, '2^43 kB is 2^53 bytes');
});
