import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSmaps, parseMapsHeader, sumSmaps, type SmapsMapping } from './smaps.js';
import { fixturePidsWithMemory, fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();

function find(mappings: SmapsMapping[], path: string): SmapsMapping {
  const found = mappings.find((m) => m.path === path);
  assert.ok(found, `no mapping ${JSON.stringify(path)} in ${mappings.map((m) => m.path).join(', ')}`);
  return found;
}

test('every captured smaps: one mapping per header, each with all its counters and VmFlags', () => {
  for (const pid of fixturePidsWithMemory()) {
    const text = fixtureText(`proc-basic/${pid}/smaps`);
    const headers = text.split('\n').filter((l) => /^[0-9a-f]+-[0-9a-f]+ /.test(l));
    const mappings = parseSmaps(text);
    assert.equal(mappings.length, headers.length, `${pid}`);
    assert.ok(mappings.length > 20);
    mappings.forEach((m, i) => {
      assert.ok(headers[i].startsWith(`${m.start}-${m.end} ${m.perms} ${m.offset} ${m.device} ${m.inode}`));
      assert.ok(m.path === '' ? headers[i].endsWith(`${m.inode} `) : headers[i].endsWith(` ${m.path}`), headers[i]);
      assert.equal(m.counters.Size, parseInt(m.end, 16) - parseInt(m.start, 16), `${pid} ${m.start} Size`);
      assert.ok(m.counters.Rss <= m.counters.Size);
      assert.ok(m.counters.Pss <= m.counters.Rss);
      assert.equal(m.counters.KernelPageSize, 4096);
      assert.equal(m.counters.THPeligible === 0 || m.counters.THPeligible === 1, true);
      assert.ok(m.vmFlags.length > 0 && m.vmFlags.every((f) => /^[a-z0-9]{2}$/.test(f)), `${m.start} ${m.vmFlags}`);
    });
    // Each counter line of the text appears, summed, in the parsed mappings.
    const rssKb = [...text.matchAll(/^Rss:\s+(\d+) kB$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(mappings.reduce((sum, m) => sum + m.counters.Rss, 0), rssKb * 1024);
  }
});

test('captured memhog mappings: deleted files with spaces, memfd, shared anonymous, THP, LazyFree, stack, vsyscall', () => {
  const mappings = parseSmaps(fixtureText(`proc-basic/${procs.memhog}/smaps`));
  const file = find(mappings, '/tmp/memtop fixture (1).dat (deleted)');
  assert.equal(file.perms, 'r--s');
  assert.equal(file.counters.Size, 256 * 1024);
  assert.equal(file.counters.Rss, 256 * 1024);
  assert.ok(Number(file.inode) > 0);
  const memfd = find(mappings, '/memfd:memhog arena (deleted)');
  assert.equal(memfd.perms, 'rw-s');
  assert.equal(memfd.counters.Rss, 256 * 1024);
  const zero = find(mappings, '/dev/zero (deleted)');
  assert.equal(zero.perms, 'rw-s');
  assert.ok(zero.vmFlags.includes('sh'));
  assert.equal(zero.counters.Rss, 512 * 1024);
  // Three anonymous 8 MiB mappings: the two thread stacks and the region memhog touched.
  const eightMiB = mappings.filter((m) => m.path === '' && m.counters.Size === 8 * 1024 * 1024);
  assert.equal(eightMiB.length, 3);
  const big = eightMiB.find((m) => m.vmFlags.includes('hg'));
  assert.ok(big, 'the MADV_HUGEPAGE region');
  assert.equal(big.counters.AnonHugePages, 8 * 1024 * 1024);
  assert.equal(big.counters.Rss, 8 * 1024 * 1024);
  const lazy = mappings.find((m) => m.counters.LazyFree > 0);
  assert.ok(lazy, 'a LazyFree mapping');
  assert.equal(lazy.counters.LazyFree, 512 * 1024);
  assert.equal(lazy.path, '');
  const stack = find(mappings, '[stack]');
  assert.ok(stack.vmFlags.includes('gd'), 'the stack grows down');
  assert.equal(find(mappings, '[heap]').perms, 'rw-p');
  const vsyscall = find(mappings, '[vsyscall]');
  assert.equal(vsyscall, mappings[mappings.length - 1]);
  assert.deepEqual([vsyscall.start, vsyscall.end, vsyscall.perms], ['ffffffffff600000', 'ffffffffff601000', '--xp']);
  assert.deepEqual(vsyscall.vmFlags, ['ex']);
  assert.ok(find(mappings, '[vdso]').perms.startsWith('r-x'));
});

test('the copy-on-write child shares the region: Pss is not a whole number of pages there', () => {
  const parent = parseSmaps(fixtureText(`proc-basic/${procs.memhog}/smaps`));
  const child = parseSmaps(fixtureText(`proc-basic/${procs.memhogChild}/smaps`));
  assert.deepEqual(child.map((m) => m.start), parent.map((m) => m.start));
  const sum = sumSmaps(parent);
  assert.ok(sum.Shared_Dirty > 0);
  assert.ok(sum.Pss < sum.Rss);
});

test('the locker called mlockall: its mappings say lo and Locked', () => {
  const mappings = parseSmaps(fixtureText(`proc-basic/${procs.locker}/smaps`));
  const locked = mappings.filter((m) => m.vmFlags.includes('lo'));
  assert.ok(locked.length > mappings.length / 2);
  assert.ok(locked.some((m) => m.counters.Locked > 0));
  for (const m of mappings) if (!m.vmFlags.includes('lo')) assert.equal(m.counters.Locked, 0);
});

/** Header lines as a 64-bit kernel writes them: the path starts at column 73. */
function header(prefix: string, path: string): string {
  return path === '' ? prefix : prefix + ' '.repeat(Math.max(72 - prefix.length, 0)) + ' ' + path;
}

test('parseMapsHeader: paths with spaces, (deleted), [anon:name], [stack], [vsyscall], none', () => {
  const p = '7f9892042000-7f98920c2000 rw-s 00000000 00:01 24 ';
  for (const path of [
    '/tmp/memtop fixture (1).dat (deleted)', '/home/a b/lib x.so', '[anon:dalvik-main space]', '[anon:libc_malloc]',
    '[stack]', '[heap]', '[vdso]', '/memfd:x (deleted)', '/weird ) ( name:with:colons', '/with\\012escaped newline',
  ]) {
    const h = parseMapsHeader(header(p, path));
    assert.ok(h, path);
    assert.equal(h.path, path);
    assert.equal(h.perms, 'rw-s');
    assert.equal(h.device, '00:01');
    assert.equal(h.inode, '24');
  }
  const vsyscall = parseMapsHeader(header('ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0 ', '[vsyscall]'));
  assert.deepEqual(vsyscall, {
    start: 'ffffffffff600000', end: 'ffffffffff601000', perms: '--xp', offset: '00000000', device: '00:00',
    inode: '0', path: '[vsyscall]',
  });
  assert.equal(parseMapsHeader('7f98906bf000-7f9890ebf000 rw-p 00000000 00:00 0 ')?.path, '');
  assert.equal(parseMapsHeader('7f98906bf000-7f9890ebf000 rw-p 00000000 00:00 0')?.path, '');
});

test('parseMapsHeader keeps the leading spaces of a path (a file named "  /usr/lib/libc.so.6")', () => {
  const p = '7f98920c5000-7f98920eb000 r--p 00000000 fe:00 339380 ';
  assert.equal(parseMapsHeader(header(p, '  /usr/lib/libc.so.6'))?.path, '  /usr/lib/libc.so.6');
  assert.equal(parseMapsHeader(header(p, '   '))?.path, '   ');
  // A prefix longer than the padding (huge offset and inode): one space, then the path.
  const long = 'ffffffffff600000-ffffffffff601000 r--p 7fffffffffffffff fe:00 18446744073709551615 ';
  assert.ok(long.length > 72);
  assert.equal(parseMapsHeader(`${long} /x y`)?.path, '/x y');
  assert.equal(parseMapsHeader(`${long}  /x y`)?.path, ' /x y');
  // A 32-bit kernel pads to column 48.
  const p32 = '08048000-08049000 r-xp 00000000 08:01 1234 ';
  assert.equal(parseMapsHeader(p32 + ' '.repeat(48 - p32.length) + ' /bin/x')?.path, '/bin/x');
  // Written by hand with a single space.
  assert.equal(parseMapsHeader('00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/dbus-daemon')?.path, '/usr/bin/dbus-daemon');
});

test('parseMapsHeader refuses counter lines and junk', () => {
  for (const line of ['Rss:                 152 kB', 'VmFlags: rd mr mw me', '', 'zz-yy r--p 0 00:00 0', '7f00-7f01 r--p 0 0000 0 /x']) {
    assert.equal(parseMapsHeader(line), null, line);
  }
});

test('a hand-written smaps: VmFlags, a mapping with no path, THPeligible and ProtectionKey', () => {
  const text = [
    header('55f15544a000-55f15546b000 rw-p 00000000 00:00 0 ', '[heap]'),
    'Size:                132 kB', 'KernelPageSize:        4 kB', 'MMUPageSize:           4 kB',
    'Rss:                   8 kB', 'Pss:                   8 kB', 'Private_Dirty:         8 kB',
    'THPeligible:           1', 'ProtectionKey:         0', 'VmFlags: rd wr mr mw me ac sd ',
    '7f98906bf000-7f9890ebf000 rw-p 00000000 00:00 0 ',
    'Size:               8192 kB', 'Rss:                  12 kB', 'Pss:                   6 kB',
    'Shared_Dirty:         12 kB', 'VmFlags: rd wr mr mw me ac',
    '',
  ].join('\n');
  const [heap, anon] = parseSmaps(text);
  assert.equal(heap.path, '[heap]');
  assert.deepEqual(heap.vmFlags, ['rd', 'wr', 'mr', 'mw', 'me', 'ac', 'sd']);
  assert.deepEqual(heap.counters, {
    Size: 132 * 1024, KernelPageSize: 4096, MMUPageSize: 4096, Rss: 8192, Pss: 8192, Private_Dirty: 8192,
    THPeligible: 1, ProtectionKey: 0,
  });
  assert.equal(anon.path, '');
  assert.equal(anon.counters.Size, 8 * 1024 * 1024);
  // Only amounts of memory are summed; Size is the virtual size, not summed either.
  assert.deepEqual(sumSmaps([heap, anon]), { Rss: 20 * 1024, Pss: 14 * 1024, Private_Dirty: 8192, Shared_Dirty: 12 * 1024 });
});

test('empty, truncated and headless smaps', () => {
  assert.deepEqual(parseSmaps(''), []);
  assert.deepEqual(sumSmaps([]), {});
  assert.deepEqual(parseSmaps('Rss: 4 kB\nVmFlags: rd\n'), [], 'counters before any header belong to nothing');
  const text = fixtureText(`proc-basic/${procs.sleeper}/smaps`);
  const whole = parseSmaps(text);
  // Cut inside the last mapping's Rss line, before its unit: that counter is left out.
  const lastRss = text.lastIndexOf('Rss:');
  const cut = parseSmaps(text.slice(0, text.indexOf(' kB', lastRss)));
  assert.equal(cut.length, whole.length);
  assert.equal(cut[cut.length - 1].counters.Rss, undefined);
  assert.deepEqual(cut[0], whole[0]);
});

test('a 64-bit inode number (overlayfs with xino) is kept exact, as printed', () => {
  const h = parseMapsHeader(header('7f3a00000000-7f3a00001000 r--p 00000000 00:2f 9223372036856996542 ', '/merged/lower-file'));
  assert.equal(h?.inode, '9223372036856996542');
  assert.equal(h?.path, '/merged/lower-file');
});

test('found by fast-check: a counter beyond 2^53 bytes is left out, and so is a sum beyond it', () => {
  const one = '5558e9a00000-5558e9a01000 r--p 00000000 fe:00 2154577  /x\nSize:  9007199254740993 kB\nRss:  4503599627370495 kB\n';
  const [m] = parseSmaps(one);
  assert.equal(m.counters.Size, undefined);
  assert.equal(m.counters.Rss, undefined, '(2^52 − 1) kB is beyond 2^53 bytes');
  const half = '5558e9a00000-5558e9a01000 r--p 00000000 fe:00 2154577  /x\nRss:  4503599627370495 kB\nPss:  4 kB\n'.replace('4503599627370495', '6755399441055744');
  assert.deepEqual(sumSmaps(parseSmaps(half + half)), { Pss: 8192 }, 'Rss summed twice would be rounded: left out');
});
