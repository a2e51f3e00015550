import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StraceParser, splitArgs, type StraceCall } from './strace-parser.js';
import { fixturesDir } from '../../test/helpers/paths.js';

const capture = (name: string) => readFileSync(join(fixturesDir, 'strace', name), 'utf8');

function parseAll(text: string, pid: number, chunkSize = text.length): { calls: StraceCall[]; parser: StraceParser } {
  const parser = new StraceParser(pid);
  const calls: StraceCall[] = [];
  for (let i = 0; i < text.length; i += chunkSize) calls.push(...parser.push(text.slice(i, i + chunkSize)));
  calls.push(...parser.flush());
  return { calls, parser };
}

test('the tracehog capture (strace -o format, "PID " prefix): 12 calls with their stacks', () => {
  const { calls, parser } = parseAll(capture('tracehog-pattern.strace'), 32327);
  assert.equal(parser.unknownLines, 0);
  assert.deepEqual(calls.map((c) => c.name), ['mmap', 'mmap', 'mmap', 'mmap', 'mmap', 'munmap', 'munmap', 'brk', 'brk', 'brk', 'brk', 'brk']);
  assert.ok(calls.every((c) => c.tid === 32327 && c.error === null));
  assert.deepEqual(calls[0].args, ['NULL', '1048576', 'PROT_READ|PROT_WRITE', 'MAP_PRIVATE|MAP_ANONYMOUS', '-1', '0']);
  assert.equal(calls[0].returnValue, 0x7f49d3f72000);
  assert.deepEqual(calls[0].stack.slice(0, 2), [
    { module: '/usr/lib/x86_64-linux-gnu/libc.so.6', func: '__mmap' },
    { module: '/tmp/tracehog', func: 'map_five' },
  ]);
  assert.equal(calls[0].stack.length, 6);
  assert.equal(calls[7].stack[2].func, 'grow_heap');
  assert.equal(calls[11].returnValue, 0x5577e6711000);
});

test('the same capture fed one byte at a time gives the same calls', () => {
  const text = capture('tracehog-pattern.strace');
  assert.deepEqual(parseAll(text, 32327, 1).calls, parseAll(text, 32327).calls);
});

test('threads: unfinished and resumed pairs across tasks, ENOMEM errors, stacks after the resumed line', () => {
  const text = capture('threads-errors.strace');
  const { calls, parser } = parseAll(text, 11018, 97);
  assert.equal(parser.unknownLines, 0);
  const completedLines = text.split('\n').filter((l) => l !== '' && !l.startsWith(' > ') && !l.endsWith('<unfinished ...>')).length;
  assert.equal(calls.length, completedLines);
  const remap = calls.find((c) => c.name === 'mremap' && c.tid === 11128)!;
  assert.deepEqual(remap.args, ['0x7f8a83eef000', '8192', '16384', 'MREMAP_MAYMOVE']);
  assert.equal(remap.returnValue, 0x7f8a83eeb000);
  assert.equal(remap.stack[1].func, 'work');
  const failed = calls.filter((c) => c.error !== null);
  assert.equal(failed.length, 12);
  assert.ok(failed.every((c) => c.error === 'ENOMEM' && c.returnValue === -1 && c.name === 'mmap' && c.args[1] === '1125899906842624'));
  const names = new Set(calls.map((c) => c.name));
  assert.deepEqual([...names].sort(), ['brk', 'madvise', 'mmap', 'mprotect', 'mremap', 'munmap']);
  // The main thread's lines carry no prefix.
  assert.ok(calls.some((c) => c.tid === 11018 && c.name === 'brk'));
});

test('a task killed inside a call (= ?), strace notes and exit lines', () => {
  const text = '[pid   678] mmap(NULL, 8192, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0 <unfinished ...>\n'
    + '[pid   678] <... mmap resumed>)         = ?\n[pid   678] +++ killed by SIGKILL +++\nstrace: Process 678 detached\n'
    + '/usr/bin/strace: attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted\n'
    + ' > unexpected_backtracing_error [0x7f0000001000]\n';
  const { calls, parser } = parseAll(text, 678);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].returnValue, null);
  assert.equal(parser.unknownLines, 0);
});

test('an unfinished call waits for its own task; a garbled line is counted, not fatal', () => {
  const parser = new StraceParser(1);
  assert.deepEqual(parser.push('[pid 2] munmap(0x1000, 4096 <unfinished ...>\n[pid 3] brk(NULL) = 0x5000\n'), []);
  const done = parser.push('[pid 2] <... munmap resumed>) = 0\nnonsense here\n');
  assert.deepEqual(done.map((c) => [c.tid, c.name, c.returnValue]), [[3, 'brk', 0x5000], [2, 'munmap', 0]]);
  assert.deepEqual(parser.flush(), []);
  assert.equal(parser.unknownLines, 1);
  assert.deepEqual(parser.push('x'), []);
});

test('splitArgs keeps bracketed and quoted commas together', () => {
  assert.deepEqual(splitArgs('a, [1, 2], {x=1, y="a,b"}, "q\\",r"'), ['a', '[1, 2]', '{x=1, y="a,b"}', '"q\\",r"']);
  assert.deepEqual(splitArgs(''), []);
});

test('a completed call awaits its stack until a frame line comes (strace -k prints it after unwinding)', () => {
  const lines = capture('tracehog-pattern.strace').split('\n');
  const parser = new StraceParser(32327);
  const firstFrame = lines.findIndex((l) => l.startsWith(' > '));
  parser.push(lines.slice(0, firstFrame).join('\n') + '\n');
  assert.equal(parser.awaitingStack, true, 'the call line came, its stack not yet');
  parser.push(`${lines[firstFrame]}\n`);
  assert.equal(parser.awaitingStack, false);
  assert.equal(parser.flush()[0].stack.length, 1);
  assert.equal(parser.awaitingStack, false, 'nothing pending after a flush');
});
