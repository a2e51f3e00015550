import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCmdline, cmdlineText } from './cmdline.js';
import { fixtureBytes, fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();

test('captured command lines: NUL-separated arguments, one with a space', () => {
  const bytes = fixtureBytes(`proc-basic/${procs.memhog}/cmdline`);
  assert.equal(bytes[bytes.length - 1], 0, 'the capture kept the trailing NUL');
  const args = parseCmdline(bytes.toString('utf8'));
  assert.deepEqual(args.slice(1, 3), ['--label', 'two words']);
  assert.match(args[0], /\/memhog$/);
  assert.equal(args.length, bytes.filter((b) => b === 0).length);
  assert.deepEqual(parseCmdline(fixtureText(`proc-basic/${procs.sleeper}/cmdline`)), ['sleep', '1000']);
  assert.equal(cmdlineText(fixtureText(`proc-basic/${procs.sleeper}/cmdline`)), 'sleep 1000');
  const locker = parseCmdline(fixtureText(`proc-basic/${procs.locker}/cmdline`));
  assert.deepEqual(locker.slice(2, 4), ['--mode', 'lock all']);
});

test('kernel thread and zombie: empty cmdline, no arguments', () => {
  for (const pid of [procs.kthreadd, procs.zombie]) {
    assert.equal(fixtureText(`proc-basic/${pid}/cmdline`), '');
    assert.deepEqual(parseCmdline(fixtureText(`proc-basic/${pid}/cmdline`)), []);
    assert.equal(cmdlineText(''), '');
  }
});

test('setproctitle without a trailing NUL, empty arguments, hostile bytes', () => {
  // Kernels before 5.2 return a rewritten title without its NUL (6.x adds one back).
  assert.deepEqual(parseCmdline('nginx: worker process'), ['nginx: worker process']);
  assert.equal(cmdlineText('sshd: root@pts/0'), 'sshd: root@pts/0');
  assert.deepEqual(parseCmdline('prog\0\0x\0\0'), ['prog', '', 'x', '']);
  assert.deepEqual(parseCmdline('\0'), ['']);
  assert.deepEqual(parseCmdline('a\nb\0\x1b[2J\0'), ['a\nb', '\x1b[2J']);
  assert.equal(cmdlineText('ls\0-l\0/tmp/a b\0'), 'ls -l /tmp/a b');
});

test('cmdlineText is parseCmdline joined by spaces, for every captured and hand-written case', () => {
  const cases = ['', '\0', 'a', 'a\0', 'a\0b\0', 'a\0\0b\0', '\0\0', 'title with spaces', 'x\0y', '\u001b[31m\0{red-fg}\0'];
  for (const pid of Object.values(procs)) cases.push(fixtureText(`proc-basic/${pid}/cmdline`));
  for (const text of cases) assert.equal(cmdlineText(text), parseCmdline(text).join(' '), JSON.stringify(text));
});
