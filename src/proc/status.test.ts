import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatus, sharedBytes, effectiveUid, type PidStatus } from './status.js';
import { fixturePids, fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();

/** "Key:\t   1234 kB" of the text, in bytes, or null when the line is absent. */
function kbLine(text: string, key: string): number | null {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : null;
}

const SIZE_FIELDS: [keyof PidStatus, string][] = [
  ['vmSizeBytes', 'VmSize'], ['vmPeakBytes', 'VmPeak'], ['vmLockedBytes', 'VmLck'], ['vmHwmBytes', 'VmHWM'],
  ['vmRssBytes', 'VmRSS'], ['rssAnonBytes', 'RssAnon'], ['rssFileBytes', 'RssFile'], ['rssShmemBytes', 'RssShmem'],
  ['vmDataBytes', 'VmData'], ['vmStackBytes', 'VmStk'], ['vmExeBytes', 'VmExe'], ['vmLibBytes', 'VmLib'],
  ['vmPteBytes', 'VmPTE'], ['vmSwapBytes', 'VmSwap'],
];

test('every captured status: identity and each Vm/Rss line as the text says', () => {
  for (const pid of fixturePids()) {
    const text = fixtureText(`proc-basic/${pid}/status`);
    const status = parseStatus(text);
    assert.equal(status.pid, pid);
    assert.equal(status.tgid, pid);
    assert.equal(status.ppid, Number(/^PPid:\t(\d+)$/m.exec(text)?.[1]));
    assert.equal(status.threads, Number(/^Threads:\t(\d+)$/m.exec(text)?.[1]));
    assert.equal(status.state, /^State:\t(\S)/m.exec(text)?.[1]);
    assert.deepEqual(status.uids, /^Uid:\t(.*)$/m.exec(text)?.[1].split('\t').map(Number));
    assert.equal(status.uids.length, 4);
    assert.equal(status.gids.length, 4);
    for (const [field, key] of SIZE_FIELDS) assert.equal(status[field], kbLine(text, key), `${pid} ${key}`);
  }
});

test('a captured user process: VmRSS is RssAnon + RssFile + RssShmem', () => {
  for (const pid of [procs.init, procs.sleeper, procs.memhog, procs.memhogChild, procs.locker]) {
    const s = parseStatus(fixtureText(`proc-basic/${pid}/status`));
    assert.ok(s.vmRssBytes !== null && s.vmRssBytes > 0, `${pid}`);
    assert.equal(s.vmRssBytes, (s.rssAnonBytes ?? NaN) + (s.rssFileBytes ?? NaN) + (s.rssShmemBytes ?? NaN));
    assert.equal(sharedBytes(s), (s.rssFileBytes ?? NaN) + (s.rssShmemBytes ?? NaN));
    assert.equal(s.kthread, false);
    assert.equal(effectiveUid(s), 0);
  }
  const memhog = parseStatus(fixtureText(`proc-basic/${procs.memhog}/status`));
  assert.equal(memhog.threads, 3);
  assert.equal(memhog.rssShmemBytes, 768 * 1024, '512 KiB shared anonymous + 256 KiB memfd');
});

test('a captured kernel thread and a zombie have no Vm lines: all nulls', () => {
  for (const pid of [procs.kthreadd, procs.zombie]) {
    const status = parseStatus(fixtureText(`proc-basic/${pid}/status`));
    for (const [field] of SIZE_FIELDS) assert.equal(status[field], null, `${pid} ${field}`);
    assert.equal(sharedBytes(status), null);
  }
  const kthreadd = parseStatus(fixtureText(`proc-basic/${procs.kthreadd}/status`));
  assert.equal(kthreadd.kthread, true);
  assert.equal(kthreadd.name, 'kthreadd');
  assert.equal(parseStatus(fixtureText(`proc-basic/${procs.zombie}/status`)).state, 'Z');
});

test('the captured hostile Name: the newline arrives escaped, the ESC raw', () => {
  const status = parseStatus(fixtureText(`proc-basic/${procs.locker}/status`));
  assert.equal(status.name, 'a) b (c)\x1b[1m\\n');
  assert.ok(status.vmLockedBytes! > 0 && status.vmLockedBytes! <= status.vmSizeBytes!, 'the locker called mlockall');
});

test('Name keeps its spaces, tabs and backslashes exactly', () => {
  // Measured: prctl(PR_SET_NAME, " x\\y \t\x7f ") shows as "Name:\t x\\\\y \t\x7f ".
  assert.equal(parseStatus('Name:\t x\\\\y \t\x7f \nState:\tR (running)\n').name, ' x\\\\y \t\x7f ');
  assert.equal(parseStatus('Name:\tsleep\n').name, 'sleep');
  assert.equal(parseStatus('Name: hand written\n').name, 'hand written');
});

test('a Name holding \\r, U+2028 or U+2029 (the kernel escapes only \\n) ends no line: the fields after it are still read', () => {
  for (const comm of ['x\rThreads:\t1', 'y\u2028Pid:\t1', 'z\u2029VmRSS:\t1 kB']) {
    const status = parseStatus(`Name:\t${comm}\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\nVmRSS:\t   2048 kB\nThreads:\t1\nSigQ:\t0/1\n`);
    assert.equal(status.name, comm);
    assert.equal(status.pid, 4242, JSON.stringify(comm));
    assert.equal(status.vmRssBytes, 2048 * 1024, JSON.stringify(comm));
    assert.equal(status.threads, 1);
  }
});

test('empty and truncated status', () => {
  const empty = parseStatus('');
  assert.equal(empty.name, '');
  assert.equal(empty.vmRssBytes, null);
  assert.equal(empty.kthread, null);
  assert.equal(effectiveUid(empty), null);
  const cut = parseStatus('Name:\tbash\nUid:\t1000\t1000\t1000\t1000\nVmRSS:\t    12');
  assert.equal(effectiveUid(cut), 1000);
  // "12" without its unit is a count, not kB: a cut line must not pass as a size in bytes.
  const text = fixtureText(`proc-basic/${procs.memhog}/status`);
  const atVmRss = text.indexOf('VmRSS:');
  const cutInRss = parseStatus(text.slice(0, text.indexOf(' kB', atVmRss)));
  assert.equal(cutInRss.vmRssBytes, null);
  assert.equal(cutInRss.vmSizeBytes, kbLine(text, 'VmSize'));
});

test('found by fast-check: a garbage Uid, a negative Pid, sizes beyond 2^53 bytes read as unknown, never NaN or rounded', () => {
  const status = parseStatus('Name:\tx\nPid:\t-1\nUid:\tabc\t0\t0\t0\nVmSize:\t9223372036854775808 kB\nVmRSS:\t8796093022208 kB\nVmSwap:\t8796093022207 kB\nThreads:\t1\n');
  assert.deepEqual(status.uids, []);
  assert.equal(effectiveUid(status), null, 'no user "NaN"');
  assert.equal(status.pid, null);
  assert.deepEqual([status.vmSizeBytes, status.vmRssBytes, status.vmSwapBytes], [null, null, 8796093022207 * 1024]);
  assert.deepEqual(parseStatus('Uid:\t1000\t1000\t0x10\t1000\n').uids, [], 'all four exact, or none');
});
