import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { fixtureProcesses, fixtureText, PROC_BASIC } from '../../test/fixtures/fixture-tree.js';
import { sampleRegistry, type ExportOptions } from './sample-registry.js';
import { parseExposition, type Series } from '../../test/helpers/exposition.js';

const sample = new Sampler({ procfs: new ProcFs(PROC_BASIC), exact: true, needs: new Set(['stat', 'status', 'rollup', 'cmdline', 'cgroup']) }).sample();
const OPTIONS: ExportOptions = { topProcesses: 20, topGroups: 50, cmdline: false };

async function render(options: ExportOptions = OPTIONS): Promise<Series[]> {
  return parseExposition(await sampleRegistry(sample, options).metrics());
}

function kbField(text: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)![1]) * 1024;
}

const find = (all: Series[], name: string, labels: Record<string, string>) =>
  all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

test('a process series carries its figures in bytes, as smaps_rollup says', async () => {
  const all = await render();
  const { memhog } = fixtureProcesses();
  const rollup = fixtureText(`proc-basic/${memhog}/smaps_rollup`);
  const [uss] = find(all, 'memtop_process_uss_bytes', { pid: String(memhog) });
  assert.equal(uss.value, kbField(rollup, 'Private_Clean') + kbField(rollup, 'Private_Dirty'));
  assert.equal(uss.labels.comm, 'memhog');
  assert.equal(uss.labels.user, 'root');
  assert.equal(find(all, 'memtop_process_pss_bytes', { pid: String(memhog) })[0].value, kbField(rollup, 'Pss'));
});

test('an unknown figure has no series (never 0); kernel threads have none at all', async () => {
  const all = await render();
  const { init, kthreadd } = fixtureProcesses();
  assert.equal(find(all, 'memtop_process_rss_bytes', { pid: String(init) }).length, 1);
  assert.equal(find(all, 'memtop_process_pss_bytes', { pid: String(init) }).length, 0);
  assert.equal(find(all, 'memtop_process_uss_bytes', { pid: String(init) }).length, 0);
  assert.equal(all.filter((s) => s.labels.pid === String(kthreadd)).length, 0);
});

test('a hostile comm becomes visible text in one label value, and command lines stay out unless asked', async () => {
  const { locker } = fixtureProcesses();
  const text = await sampleRegistry(sample, OPTIONS).metrics();
  assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, 'no control character reaches the exposition');
  const plain = parseExposition(text);
  const [rss] = find(plain, 'memtop_process_rss_bytes', { pid: String(locker) });
  assert.equal(rss.labels.comm, 'a) b (c)\\x1b[1m\\x0a');
  assert.equal(find(plain, 'memtop_program_processes', { program: 'a) b (c)\\x1b[1m\\x0a' })[0].value, 1);
  assert.ok(plain.every((s) => !('cmdline' in s.labels)));
  const withCmdline = await render({ ...OPTIONS, cmdline: true });
  assert.match(find(withCmdline, 'memtop_process_rss_bytes', { pid: String(locker) })[0].labels.cmdline, /locker\.py --mode lock all/);
});

test('--top bounds the process series to the largest by PSS', async () => {
  const all = await render({ ...OPTIONS, topProcesses: 1 });
  const pids = new Set(all.filter((s) => s.name.startsWith('memtop_process_')).map((s) => s.labels.pid));
  assert.equal(pids.size, 1);
  const pss = sample.processes.filter((p) => p.pssBytes !== null).sort((a, b) => b.pssBytes! - a.pssBytes!)[0];
  assert.deepEqual([...pids], [String(pss.pid)]);
});

test('programs, users, cgroups and the total sum their processes', async () => {
  const all = await render();
  const { memhog, memhogChild } = fixtureProcesses();
  const pssOf = (pid: number) => sample.processes.find((p) => p.pid === pid)!.pssBytes!;
  assert.equal(find(all, 'memtop_program_processes', { program: 'memhog' })[0].value, 2);
  assert.equal(find(all, 'memtop_program_pss_bytes', { program: 'memhog' })[0].value, pssOf(memhog) + pssOf(memhogChild));
  const userPss = find(all, 'memtop_user_pss_bytes', { user: 'root' })[0].value;
  assert.equal(userPss, sample.processes.reduce((sum, p) => sum + (p.pssBytes ?? 0), 0));
  assert.equal(find(all, 'memtop_total_pss_bytes', {})[0].value, userPss);
  assert.ok(find(all, 'memtop_cgroup_rss_bytes', {}).length > 0);
  assert.equal(find(all, 'memtop_self_resident_memory_bytes', {})[0].value, sample.own.rssBytes);
  assert.equal(find(all, 'memtop_meminfo_mem_total_bytes', {})[0].value, kbField(fixtureText('proc-basic/meminfo'), 'MemTotal'));
});

test('extra gauges (growth, leak flags from the history) join through the seam', async () => {
  const { memhog } = fixtureProcesses();
  const all = await render({
    ...OPTIONS,
    extraGauges: [{
      name: 'memtop_process_leak_suspect', help: 'test', labelNames: ['pid', 'comm', 'user'],
      values: (s) => s.processes.filter((p) => p.pid === memhog).map((p) => ({ labels: { pid: p.pid, comm: p.comm, user: p.user }, value: 1 })),
    }],
  });
  assert.deepEqual(find(all, 'memtop_process_leak_suspect', {}).map((s) => s.labels.pid), [String(memhog)]);
});
