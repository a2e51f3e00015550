import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../../../src/proc/procfs.js';
import { FULL_LISTING_EVERY, PidLister, lastPidIsOurs } from '../../../src/sampler/pid-lister.js';
import { spawnSync } from 'node:child_process';
import { copyTree } from '../../helpers/fixture-copy.js';
import { procBasic } from '../../helpers/paths.js';

const loadavg = (lastPid: number) => ({ load1: 0, load5: 0, load15: 0, runningTasks: 1, totalTasks: 7, lastPid });

test('the last PID is trusted only for the /proc of this process\'s own PID namespace', () => {
  const live = new ProcFs('/proc');
  assert.equal(lastPidIsOurs(live), true, '/proc/self is this process');
  assert.equal(lastPidIsOurs(live, process.pid + 1), false, 'a /proc whose self is another PID shows another namespace');
  assert.equal(lastPidIsOurs(new ProcFs(procBasic)), false);
});

test('in a new PID namespace that still sees the parent\'s /proc (unshare -p -f), the last PID is not trusted', { skip: process.getuid?.() !== 0 ? 'unshare -p needs root' : false }, () => {
  const module = new URL('../../../src/sampler/pid-lister.js', import.meta.url).href;
  const procfsModule = new URL('../../../src/proc/procfs.js', import.meta.url).href;
  const script = `const { lastPidIsOurs } = await import(${JSON.stringify(module)}); const { ProcFs } = await import(${JSON.stringify(procfsModule)});
    console.log(process.pid, lastPidIsOurs(new ProcFs('/proc')));`;
  const run = spawnSync('unshare', ['-p', '-f', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), '1 false', 'PID 1 of the new namespace, reading the parent\'s /proc');
});
