import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMeminfo, meminfoProblem } from './meminfo.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

const captured = fixtureText('proc-basic/meminfo');

test('every line of the captured meminfo is parsed, in order, kB lines times 1024', () => {
  const meminfo = parseMeminfo(captured);
  const lines = captured.trimEnd().split('\n');
  assert.deepEqual(Object.keys(meminfo), lines.map((l) => l.slice(0, l.indexOf(':'))));
  for (const line of lines) {
    const [, key, digits, unit] = /^(\S+):\s+(\d+)( kB)?$/.exec(line) ?? assert.fail(line);
    assert.equal(meminfo[key], Number(digits) * (unit ? 1024 : 1), key);
  }
  const memTotalKb = Number(/^MemTotal:\s+(\d+) kB$/m.exec(captured)?.[1]);
  assert.ok(memTotalKb > 0);
  assert.equal(meminfo.MemTotal, memTotalKb * 1024);
  assert.ok(meminfo.MemAvailable <= meminfo.MemTotal);
});

test('HugePages_ counts are counts, Hugepagesize is bytes', () => {
  const meminfo = parseMeminfo([
    'MemTotal:       16314888 kB',
    'HugePages_Total:     512',
    'HugePages_Free:      500',
    'HugePages_Rsvd:        3',
    'HugePages_Surp:        0',
    'Hugepagesize:       2048 kB',
    'Hugetlb:         1048576 kB',
  ].join('\n'));
  assert.equal(meminfo.HugePages_Total, 512);
  assert.equal(meminfo.HugePages_Free, 500);
  assert.equal(meminfo.HugePages_Rsvd, 3);
  assert.equal(meminfo.HugePages_Surp, 0);
  assert.equal(meminfo.Hugepagesize, 2 * 1024 * 1024);
  assert.equal(meminfo.Hugetlb, 1024 * 1024 * 1024);
});

test('keys with parentheses, empty and truncated text', () => {
  const meminfo = parseMeminfo('Active(anon):       1516 kB\nInactive(file):    95108 kB\nCached:   ');
  assert.deepEqual(meminfo, { 'Active(anon)': 1516 * 1024, 'Inactive(file)': 95108 * 1024 });
  assert.deepEqual(parseMeminfo(''), {});
});

test('found by fast-check: a size beyond 2^53 bytes is left out (unknown), never rounded', () => {
  const meminfo = parseMeminfo('MemTotal:       99999999999999999999999 kB\nMemFree:     8796093022208 kB\nHugePages_Total:   9007199254740992\nBuffers: 4 kB\n');
  assert.deepEqual(meminfo, { Buffers: 4096 });
});

test('a meminfo that cannot describe memory says why: empty, no MemTotal, MemTotal 0', () => {
  assert.equal(meminfoProblem(parseMeminfo('')), 'holds no field (empty or corrupt)');
  assert.equal(meminfoProblem(parseMeminfo('MemFree: 5 kB\n')), 'has no MemTotal (cut short or corrupt)');
  assert.equal(meminfoProblem(parseMeminfo('MemTotal: 0 kB\nMemFree: 5 kB\n')), 'says MemTotal is 0');
  assert.equal(meminfoProblem(parseMeminfo(fixtureText('proc-basic/meminfo'))), null);
});
