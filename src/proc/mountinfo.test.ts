import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hidepidOf } from './mountinfo.js';

// Captured in a private mount namespace (unshare -m) with proc mounted again over /proc.
const STACKED = '48 46 0:21 / /proc rw,relatime - proc proc rw\n66 48 0:40 / /proc rw,relatime - proc proc rw,hidepid=invisible\n';

test('the last proc mount at the mount point decides: mounts stack', () => {
  assert.equal(hidepidOf(STACKED, '/proc'), 'invisible');
  assert.equal(hidepidOf(STACKED.split('\n')[0], '/proc'), null);
  assert.equal(hidepidOf('66 48 0:40 / /proc rw - proc proc rw,hidepid=noaccess,gid=4\n', '/proc'), 'noaccess');
  assert.equal(hidepidOf('66 48 0:40 / /proc rw - proc proc rw,hidepid=2\n', '/proc'), 'invisible');
});

test('another mount point, another file system, junk, or an escaped path', () => {
  assert.equal(hidepidOf(STACKED, '/host/proc'), null);
  assert.equal(hidepidOf('66 48 0:40 / /proc rw - tmpfs tmpfs rw,hidepid=2\n', '/proc'), null);
  assert.equal(hidepidOf('garbage\n- - -\n', '/proc'), null);
  assert.equal(hidepidOf('70 48 0:41 / /host\\040proc rw shared:5 - proc proc rw,hidepid=1\n', '/host proc'), 'noaccess');
});
