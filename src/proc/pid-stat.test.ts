import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePidStat, isKernelThread, impossibleStatFields, PF_KTHREAD } from './pid-stat.js';
import { fixturePids, fixtureProcesses, fixtureText, fixtureBytes } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();

/** The line split by hand: fields (1) and (2), then (3)... as proc(5) numbers them. */
function splitByHand(text: string): { pid: number; comm: string; field: (n: number) => string } {
  const close = text.lastIndexOf(')');
  const after = text.slice(close + 2).replace(/\n$/, '').split(' ');
  return { pid: Number(text.split(' ')[0]), comm: text.slice(text.indexOf('(') + 1, close), field: (n) => after[n - 3] };
}

test('every captured stat line gives the fields the line holds', () => {
  for (const pid of fixturePids()) {
    const text = fixtureText(`proc-basic/${pid}/stat`);
    const stat = parsePidStat(text);
    assert.ok(stat, `${pid}/stat`);
    const hand = splitByHand(text);
    assert.equal(stat.pid, pid);
    assert.equal(stat.pid, hand.pid);
    assert.equal(stat.comm, hand.comm);
    const expected: [keyof typeof stat, number][] = [
      ['ppid', 4], ['pgrp', 5], ['session', 6], ['ttyNr', 7], ['tpgid', 8], ['flags', 9], ['minorFaults', 10],
      ['majorFaults', 12], ['utimeTicks', 14], ['stimeTicks', 15], ['priority', 18], ['nice', 19],
      ['numThreads', 20], ['startTimeTicks', 22], ['vsizeBytes', 23], ['rssPages', 24], ['processor', 39],
    ];
    assert.equal(stat.state, hand.field(3));
    for (const [key, n] of expected) assert.equal(stat[key], Number(hand.field(n)), `${pid} ${key} (${n})`);
  }
});

test('captured processes: kernel thread, zombie, stopped helpers, threads', () => {
  const stat = (pid: number) => parsePidStat(fixtureText(`proc-basic/${pid}/stat`)) ?? assert.fail(`${pid}`);
  const kthreadd = stat(procs.kthreadd);
  assert.equal(kthreadd.comm, 'kthreadd');
  assert.ok(isKernelThread(kthreadd));
  assert.equal(kthreadd.vsizeBytes, 0);
  assert.equal(kthreadd.ppid, 0);
  for (const pid of [procs.init, procs.sleeper, procs.memhog, procs.locker, procs.zombie]) {
    assert.ok(!isKernelThread(stat(pid)), `${pid} is not a kernel thread`);
  }
  const zombie = stat(procs.zombie);
  assert.equal(zombie.state, 'Z');
  assert.equal(zombie.ppid, procs.sleeper);
  assert.equal(zombie.rssPages, 0);
  const memhog = stat(procs.memhog);
  assert.equal(memhog.state, 'T');
  assert.equal(memhog.numThreads, 3);
  assert.ok(memhog.rssPages! * 4096 > 8 * 1024 * 1024, 'memhog touched 8 MiB');
  assert.equal(stat(procs.memhogChild).ppid, procs.memhog);
});

test('a captured comm with ")", "(", ESC and a newline (raw bytes in stat)', () => {
  const bytes = fixtureBytes(`proc-basic/${procs.locker}/stat`);
  assert.ok(bytes.includes(Buffer.from('a) b (c)\x1b[1m\n) T ')), 'the capture holds the raw comm');
  const stat = parsePidStat(bytes.toString('utf8'));
  assert.ok(stat);
  assert.equal(stat.comm, 'a) b (c)\x1b[1m\n');
  assert.equal(stat.state, 'T');
  assert.equal(stat.pid, procs.locker);
});

/** A real 52-field line around a given comm and state. */
function line(comm: string, state = 'S'): string {
  return `1234 (${comm}) ${state} 1 1234 1234 0 -1 4194304 98 0 0 0 3 1 0 0 20 0 1 0 30991 2990080 406 ` +
    '18446744073709551615 94017829867520 94017829885449 140730886055872 0 0 0 0 6 0 1 0 0 17 1 0 0 0 0 0 ' +
    '94017829899536 94017829900800 94017936535552 140730886060768 140730886060779 140730886060779 140730886062057 0\n';
}

test('hand-written comms: spaces and parentheses, only parentheses, empty, newline, ESC', () => {
  for (const comm of ['a) b (c)', ')', '(', '()', ') S 1 2 3', '', 'x\ny', '\x1b[31mred', ' lead', 'trail ']) {
    const stat = parsePidStat(line(comm));
    assert.ok(stat, JSON.stringify(comm));
    assert.equal(stat.comm, comm);
    assert.equal(stat.state, 'S');
    assert.equal(stat.ppid, 1);
    assert.equal(stat.rssPages, 406);
    assert.equal(stat.startTimeTicks, 30991);
    assert.equal(stat.processor, 1);
  }
});

test('a process on a terminal: the terminal (7) and its foreground process group (8)', () => {
  const onTerminal = line('bash').replace(' 1 1234 1234 0 -1 ', ' 1 1234 1200 34816 5678 ');
  const stat = parsePidStat(onTerminal);
  assert.ok(stat);
  assert.deepEqual([stat.pgrp, stat.session, stat.ttyNr, stat.tpgid, stat.flags], [1234, 1200, 34816, 5678, 4194304]);
});

test('a stat line cut anywhere gives null or the same record, never a half number', () => {
  const whole = line('a) b (c)');
  const full = parsePidStat(whole);
  assert.ok(full);
  const afterComm = whole.lastIndexOf(')') + 2;
  // Where field (44) starts: a cut up to there leaves fewer than 44 fields.
  const field44Start = afterComm + whole.slice(afterComm).split(' ').slice(0, 41).join(' ').length + 1;
  for (let cut = 0; cut < whole.length; cut++) {
    const stat = parsePidStat(whole.slice(0, cut));
    const shown = JSON.stringify(whole.slice(0, cut));
    if (cut <= field44Start) assert.equal(stat, null, `cut at ${cut}: ${shown}`);
    else assert.deepEqual(stat, full, `cut at ${cut}: ${shown}`);
  }
  assert.equal(parsePidStat(whole.slice(0, whole.length / 2)), null);
});

test('an old 44-field line (2.6.24) is accepted; junk is not', () => {
  const old44 = line('old').split(' ').slice(0, 44 + 1).join(' ');
  const stat = parsePidStat(old44);
  assert.ok(stat);
  assert.equal(stat.processor, 1);
  assert.equal(parsePidStat(''), null);
  assert.equal(parsePidStat('(init) S 0'), null);
  assert.equal(parsePidStat(line('x').replace('1234 (', 'abc (')), null);
  assert.equal(parsePidStat(line('x').replace(' 406 ', ' 4o6 ')), null);
  assert.equal(parsePidStat(line('x', 'SS')), null);
});

test('PF_KTHREAD is the flag kthreadd carries', () => {
  const flags = Number(fixtureText(`proc-basic/${procs.kthreadd}/stat`).split(') ')[1].split(' ')[6]);
  assert.equal(flags & PF_KTHREAD, PF_KTHREAD);
});

/** The memhog line with fields replaced, proc(5) numbering. */
function statWith(replace: Record<number, string>): string {
  const text = fixtureText(`proc-basic/${procs.memhog}/stat`);
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).trimEnd().split(' ');
  for (const [n, value] of Object.entries(replace)) fields[Number(n) - 3] = value;
  return `${text.slice(0, close + 2)}${fields.join(' ')}\n`;
}

test('impossible unsigned fields read as unknown, and are named: vsize -4096, utime -1 or 2^63, starttime 2^64, vsize 2^64 − 1', () => {
  const cases: [Record<number, string>, string[]][] = [
    [{ 23: '-4096' }, ['vsize']],
    [{ 14: '-1' }, ['utime']],
    [{ 14: '9223372036854775808' }, ['utime']],
    [{ 15: '9007199254740992' }, ['stime']],
    [{ 22: '18446744073709551616' }, ['starttime']],
    [{ 23: '18446744073709551615', 24: '-2' }, ['vsize', 'rss']],
  ];
  for (const [replace, named] of cases) {
    const stat = parsePidStat(statWith(replace)) ?? assert.fail(JSON.stringify(replace));
    assert.deepEqual(impossibleStatFields(stat), named, JSON.stringify(replace));
    assert.equal(stat.comm, 'memhog', 'the rest of the line is read');
  }
  const exact = parsePidStat(statWith({ 23: '9007199254740991' }))!;
  assert.equal(exact.vsizeBytes, 9007199254740991, '2^53 − 1 is exact');
});

test('a sign or a rounded value in a field the line rests on (pid, ppid, flags, threads) makes the line garbled: null', () => {
  for (const replace of [{ 4: '-1' }, { 9: '-4194304' }, { 20: '9007199254740993' }, { 39: '-1' }] as Record<number, string>[]) {
    assert.equal(parsePidStat(statWith(replace)), null, JSON.stringify(replace));
  }
});
