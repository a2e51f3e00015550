import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mappingKind } from './mapping-kind.js';

test('mappings are classified by path and sharing', () => {
  const cases: [string, string, string][] = [
    ['[heap]', 'rw-p', 'heap'], ['[stack]', 'rw-p', 'stack'], ['[stack:1234]', 'rw-p', 'stack'],
    ['[vdso]', 'r-xp', 'vdso'], ['[vvar]', 'r--p', 'vdso'], ['[vsyscall]', '--xp', 'vdso'],
    ['/usr/lib/x86_64-linux-gnu/libc.so.6', 'r-xp', 'file'], ['/tmp/memtop fixture (1).dat (deleted)', 'rw-s', 'file'],
    ['', 'rw-p', 'anon'], ['[anon:v8 heap]', 'rw-p', 'anon'], ['', 'rw-s', 'shmem'],
    ['/dev/zero (deleted)', 'rw-s', 'shmem'], ['/memfd:memhog arena (deleted)', 'rw-s', 'shmem'],
    ['/dev/shm/pulse-shm-1', 'rw-s', 'shmem'], ['/SYSV00000000 (deleted)', 'rw-s', 'shmem'], ['/SYSV0000002a (deleted)', 'r--s', 'shmem'],
    // Private /dev/zero is private anonymous memory (smaps counts it as Anonymous); files merely
    // named like shared memory objects are files.
    ['/dev/zero', 'rw-p', 'anon'], ['/dev/zero (deleted)', 'rw-p', 'anon'], ['/dev/zero', 'rw-s', 'shmem'],
    ['/dev/zero-backup.img', 'rw-p', 'file'], ['/SYSV-notes.txt', 'r--p', 'file'], ['/memfd:odd-name', 'r--p', 'file'],
  ];
  for (const [path, perms, kind] of cases) assert.equal(mappingKind({ path, perms }), kind, `${path} ${perms}`);
});
