import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StraceParser } from './strace-parser.js';
import { TraceTally, stackFrames } from './trace-tally.js';
import { fixturesDir } from '../../test/helpers/paths.js';

function tallyOf(name: string, pid: number, startBreak: number | null): TraceTally {
  const parser = new StraceParser(pid);
  const tally = new TraceTally(startBreak);
  for (const call of [...parser.push(readFileSync(join(fixturesDir, 'strace', name), 'utf8')), ...parser.flush()]) tally.add(call);
  return tally;
}

test('tracehog: 5 mmaps of 1 MiB, 2 munmaps, 5 brk steps of 64 KiB (break at attach known)', () => {
  const tally = tallyOf('tracehog-pattern.strace', 32327, 0x5577e66d1000 - 65536);
  const row = (name: string) => tally.syscalls.get(name)!;
  assert.deepEqual(row('mmap'), { name: 'mmap', calls: 5, errors: 0, mappedBytes: 5 << 20, unmappedBytes: 0 });
  assert.deepEqual(row('munmap'), { name: 'munmap', calls: 2, errors: 0, mappedBytes: 0, unmappedBytes: 2 << 20 });
  assert.deepEqual(row('brk'), { name: 'brk', calls: 5, errors: 0, mappedBytes: 5 * 65536, unmappedBytes: 0 });
  assert.equal(tally.brkGrowthBytes, 5 * 65536);
  const [first, second, third] = tally.topStacks(3);
  assert.deepEqual(first.frames, ['_start', '__libc_start_main', '__libc_init_first', 'main', 'map_five']);
  assert.equal(first.mappedBytes - first.unmappedBytes, 3 << 20);
  assert.equal(first.calls, 7);
  assert.deepEqual(second.frames.at(-1), 'grow_heap');
  assert.equal(second.mappedBytes, 5 * 65536);
  assert.equal(third, undefined);
});

test('without the break at attach, the first brk step is not counted (its start is unknown)', () => {
  const tally = tallyOf('tracehog-pattern.strace', 32327, null);
  assert.equal(tally.brkGrowthBytes, 4 * 65536);
});

test('threads: mremap growth, ENOMEM counted as errors without bytes, madvise/mprotect calls only, brk both ways', () => {
  const tally = tallyOf('threads-errors.strace', 11018, null);
  const mremap = tally.syscalls.get('mremap')!;
  assert.equal(mremap.calls, 12);
  assert.equal(mremap.mappedBytes, 12 * 8192);
  const mmap = tally.syscalls.get('mmap')!;
  assert.equal(mmap.errors, 12);
  assert.equal(mmap.mappedBytes, 12 * 8192 + 4 * 8392704);
  assert.deepEqual(tally.syscalls.get('madvise')!.mappedBytes + tally.syscalls.get('mprotect')!.unmappedBytes, 0);
  assert.equal(tally.syscalls.get('munmap')!.unmappedBytes, 12 * 16384);
  // brk(NULL), brk(+0x21000), then sbrk(4096) and sbrk(-4096): net growth 0x21000.
  assert.equal(tally.brkGrowthBytes, 0x21000);
});

test('stack frames: outermost first, the C library wrappers at the inner end dropped, unknown symbols named by object', () => {
  assert.deepEqual(stackFrames([
    { module: '/usr/lib/x86_64-linux-gnu/libc.so.6', func: 'brk' },
    { module: '/usr/lib/x86_64-linux-gnu/libc.so.6', func: 'sbrk' },
    { module: '/opt/app/libx.so', func: '' },
    { module: '', func: '' },
  ]), ['[unknown]', '[libx.so]']);
  assert.deepEqual(stackFrames([{ module: '/lib/libc.so.6', func: '__mmap' }]), ['__mmap']);
});
