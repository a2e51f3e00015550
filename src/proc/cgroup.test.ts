import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCgroup, memoryCgroupPath } from './cgroup.js';
import { fixtureProcesses, fixtureText } from '../../test/fixtures/fixture-tree.js';

const procs = fixtureProcesses();

test('the captured hybrid file: nine v1 hierarchies and the unified 0::/ line', () => {
  const text = fixtureText('cgroup/hybrid-v1-memory');
  const lines = parseCgroup(text);
  assert.equal(lines.length, text.trimEnd().split('\n').length);
  assert.equal(lines.length, 10);
  lines.forEach((line, i) => {
    const [id, controllers, ...path] = text.trimEnd().split('\n')[i].split(':');
    assert.equal(line.hierarchyId, Number(id));
    assert.deepEqual(line.controllers, controllers ? controllers.split(',') : []);
    assert.equal(line.path, path.join(':'));
  });
  assert.deepEqual(lines[0].controllers, ['name=systemd']);
  assert.deepEqual(lines[lines.length - 1], { hierarchyId: 0, controllers: [], path: '/' });
  const memory = lines.find((l) => l.controllers.includes('memory'));
  assert.match(memory!.path, /^\/process_api\/[0-9a-f]+$/);
  assert.equal(memoryCgroupPath(lines), memory!.path);
});

test('hybrid with a real unified path: memory is accounted by the v1 memory line', () => {
  const lines = parseCgroup(fixtureText('cgroup/hybrid-docker'));
  assert.deepEqual(lines.find((l) => l.hierarchyId === 11)?.controllers, ['cpu', 'cpuacct']);
  assert.equal(lines.find((l) => l.hierarchyId === 0)?.path, '/system.slice/containerd.service');
  assert.equal(memoryCgroupPath(lines), '/docker/3f1c0e2b9a7d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a');
});

test('pure v2: the 0:: line', () => {
  const lines = parseCgroup(fixtureText('cgroup/v2-only'));
  assert.equal(lines.length, 1);
  assert.deepEqual(lines[0].controllers, []);
  assert.equal(memoryCgroupPath(lines), lines[0].path);
  assert.match(lines[0].path, /vte-spawn-.*\.scope$/);
  assert.equal(memoryCgroupPath(parseCgroup('0::/\n')), '/');
});

test('pure v1 without a memory controller, and nothing at all', () => {
  assert.equal(memoryCgroupPath(parseCgroup('3:cpu,cpuacct:/a\n1:name=systemd:/b\n')), null);
  assert.equal(memoryCgroupPath(parseCgroup('')), null);
  assert.equal(memoryCgroupPath([]), null);
});

test('captured processes: the zombie is shown in the root of every v1 hierarchy', () => {
  const sleeper = memoryCgroupPath(parseCgroup(fixtureText(`proc-basic/${procs.sleeper}/cgroup`)));
  const zombie = memoryCgroupPath(parseCgroup(fixtureText(`proc-basic/${procs.zombie}/cgroup`)));
  assert.match(sleeper!, /^\/process_api\//);
  assert.equal(zombie, '/');
  assert.equal(parseCgroup(fixtureText(`proc-basic/${procs.kthreadd}/cgroup`)).length, 10);
});

test('untrusted paths: colons and spaces kept, junk lines skipped', () => {
  const lines = parseCgroup('0::/user.slice/odd:name with space.scope\nx:memory:/a\n:memory:/b\n5\n4:memory\n');
  assert.deepEqual(lines, [{ hierarchyId: 0, controllers: [], path: '/user.slice/odd:name with space.scope' }]);
});

test('found by fast-check: a hierarchy id that is not plain digits is not a line', () => {
  assert.deepEqual(parseCgroup('-1:name=systemd:/\n 1:cpu:/a\n0x1:pids:/b\n0::/c\n').map((l) => l.hierarchyId), [0]);
});
