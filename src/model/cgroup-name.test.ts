import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cgroupName } from './cgroup-name.js';

test('systemd units by their unit name, containers by runtime and a 12-digit id', () => {
  const id = '0123456789abcdef'.repeat(4);
  assert.equal(cgroupName('/system.slice/nginx.service'), 'nginx.service');
  assert.equal(cgroupName('/user.slice/user-1000.slice/session-3.scope'), 'session-3.scope');
  assert.equal(cgroupName(`/system.slice/docker-${id}.scope`), 'docker 0123456789ab');
  assert.equal(cgroupName(`/docker/${id}`), 'docker 0123456789ab');
  assert.equal(cgroupName(`/system.slice/cri-containerd-${id}.scope`), 'containerd 0123456789ab');
  assert.equal(cgroupName(`/machine.slice/libpod-${id}.scope`), 'podman 0123456789ab');
  assert.equal(cgroupName('/'), '/ (root)');
  assert.equal(cgroupName('/memtop-test-42'), 'memtop-test-42');
});
