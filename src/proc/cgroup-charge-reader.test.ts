import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from './procfs.js';
import { readCgroupCharge } from './cgroup-charge-reader.js';
import { parseFlatKeyed, parseV1Limit, parseV2Max } from './cgroup-memory.js';
import { join } from 'node:path';
import { fixturesDir } from '../../test/helpers/paths.js';

const fixturePath = (name: string) => join(fixturesDir, name);

test('v1 memory controller (a capture of this machine): usage, no limit (the page counter maximum), failcnt', () => {
  const fs = new ProcFs(fixturePath('cgroupfs/hybrid'));
  const charge = readCgroupCharge(fs, '/process_api/a3a409db306d36a635dc701f24f0b510')!;
  assert.deepEqual({ ...charge }, {
    path: '/process_api/a3a409db306d36a635dc701f24f0b510', version: 1, usageBytes: 104861696, limitBytes: null, failcnt: 0,
    oomEvents: null, oomKills: null, pressure: null,
  });
  assert.equal(readCgroupCharge(fs, '/')!.usageBytes, 3599572992);
});

test('v2: memory.current, memory.max, oom counts from memory.events, PSI from memory.pressure', () => {
  const fs = new ProcFs(fixturePath('cgroupfs/v2'));
  const charge = readCgroupCharge(fs, '/system.slice/nginx.service')!;
  assert.equal(charge.version, 2);
  assert.equal(charge.usageBytes, 52428800);
  assert.equal(charge.limitBytes, 268435456);
  assert.equal(charge.oomEvents, 3);
  assert.equal(charge.oomKills, 2);
  assert.equal(charge.pressure?.some?.avg10, 1.5);
  const user = readCgroupCharge(fs, '/user.slice')!;
  assert.equal(user.limitBytes, null, '"max" is no limit');
  assert.equal(user.oomEvents, null, 'no memory.events: unknown, not 0');
});

test('a path that is gone, or that climbs out of the root, reads as null', () => {
  const fs = new ProcFs(fixturePath('cgroupfs/v2'));
  assert.equal(readCgroupCharge(fs, '/no/such.scope'), null);
  assert.equal(readCgroupCharge(fs, '/../../etc'), null);
  assert.equal(readCgroupCharge(fs, 'relative'), null);
});

test('parsers: bad text is unknown, never 0', () => {
  assert.equal(parseV1Limit('9223372036854771712\n'), null);
  assert.equal(parseV1Limit('1073741824\n'), 1073741824);
  assert.equal(parseV1Limit(''), null);
  assert.equal(parseV2Max('max\n'), null);
  assert.equal(parseV2Max('12x'), null);
  assert.deepEqual([...parseFlatKeyed('oom 1\nbad\noom_kill x\n')], [['oom', 1]]);
});
