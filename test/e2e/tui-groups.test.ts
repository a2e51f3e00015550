import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { memtopJson } from '../helpers/run-memtop.js';
import { memhogBinary, startMemhog, type Helper } from '../helpers/live-helpers.js';
import { rollupBytes } from '../helpers/family.js';
import { formatValue } from '../../src/model/format-cell.js';
import { findColumn } from '../../src/model/column.js';
import { groupColumns } from '../../src/model/group-columns.js';

const PAGE = 4096;
const context = { memTotalBytes: 0, nowEpochMs: 0 };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface GroupsJson { groups: Record<string, unknown>[] }

/** F2, then Down to the view's line in the picker, Enter. */
async function pickView(tmux: Tmux, label: RegExp): Promise<void> {
  tmux.send('F2');
  const screen = await tmux.waitFor(/Views — Enter replaces/);
  const lines = screen.split('\n').filter((l) => /│ *(▶ )?\S/.test(l) && /(Processes|Mappings|History|Trace|Tree|Programs|Users|Containers|Libraries|System) {2,}/.test(l));
  const at = lines.findIndex((l) => label.test(l));
  assert.ok(at >= 0, `the picker lists ${label}:\n${screen}`);
  for (let i = 0; i < at; i++) tmux.send('Down');
  tmux.send('Enter');
}

test('Programs: 5 copies of one helper are one row, count 5, PSS the sum of theirs; Enter lists the five', async (t) => {
  const helpers: Helper[] = [];
  t.after(() => helpers.forEach((h) => h.stop()));
  for (let i = 0; i < 5; i++) helpers.push(await startMemhog(['private', '3']));
  const pids = helpers.map((h) => h.pids[0]);
  const pssSum = pids.reduce((sum, pid) => sum + rollupBytes(pid).pssBytes, 0);
  const json = memtopJson<GroupsJson>(['snapshot', '--group', 'program', '--json', '--pid', pids.join(',')]);
  assert.equal(json.groups.length, 1);
  assert.equal(json.groups[0].program, 'memhog');
  assert.equal(json.groups[0].count, 5);
  assert.ok(Math.abs((json.groups[0].pss as number) - pssSum) <= 5 * PAGE, `PSS ${json.groups[0].pss} vs the five summed ${pssSum}`);

  const tmux = new Tmux(memtopCommand(['--pid', pids.join(',')]), { columns: 150 });
  try {
    await tmux.waitFor(/total of 5 shown/);
    await pickView(tmux, /Programs/);
    const pss = formatValue(findColumn(groupColumns('program'), 'pss')!, json.groups[0].pss as number, context);
    await tmux.waitForAll([/Programs +1 programs · 5 processes/, new RegExp(`^ *memhog +5 +\\S+ +${escape(pss)} `, 'm'),
      /keyed by the command name \(stat comm, as ps_mem\)/]);
    tmux.send('Enter');
    const screen = await tmux.waitForAll([/Programs › memhog processes +5 of \d+ processes/]);
    for (const pid of pids) assert.match(screen, new RegExp(`^ *${pid} `, 'm'));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});

const V1_MEMORY = '/sys/fs/cgroup/memory';

test('Containers: a helper in a new v1 memory cgroup shows with its USS and the cgroup\'s usage and limit; Enter lists exactly it', {
  skip: existsSync(`${V1_MEMORY}/memory.usage_in_bytes`) ? false : 'no cgroup v1 memory controller here (the v2 files are tested on a fixture tree)',
}, async (t) => {
  const name = `memtop-e2e-${process.pid}`;
  const dir = `${V1_MEMORY}/${name}`;
  mkdirSync(dir);
  writeFileSync(`${dir}/memory.limit_in_bytes`, String(512 * 1024 * 1024));
  // The shell joins the cgroup and then becomes the helper, so all its memory is charged there.
  const child = spawn('sh', ['-c', 'echo $$ > "$1/cgroup.procs" && exec "$0" private 16', memhogBinary(), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(async () => {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmdirSync(dir);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(); });
    child.once('exit', () => reject(new Error('the helper did not start in the cgroup')));
  });
  const pid = child.pid!;
  assert.match(readFileSync(`/proc/${pid}/cgroup`, 'utf8'), new RegExp(`:memory:/${name}\\n`));
  const usageBytes = Number(readFileSync(`${dir}/memory.usage_in_bytes`, 'utf8'));
  assert.ok(usageBytes >= 16 * 1024 * 1024, `the cgroup is charged the helper's 16 MiB (${usageBytes})`);

  const json = memtopJson<GroupsJson>(['snapshot', '--group', 'cgroup', '--json', '--pid', String(pid)]);
  assert.equal(json.groups[0].cgroup, `/${name}`);
  assert.equal(json.groups[0].name, name);
  const charge = json.groups[0].charge as { version: number; usageBytes: number; limitBytes: number };
  assert.equal(charge.version, 1);
  assert.equal(charge.limitBytes, 512 * 1024 * 1024);
  assert.ok(Math.abs(charge.usageBytes - usageBytes) <= 64 * PAGE, `usage ${charge.usageBytes} vs the file's ${usageBytes}`);

  const tmux = new Tmux(memtopCommand(['--pid', String(pid)]), { columns: 170 });
  try {
    await tmux.waitFor(/total of 1 shown/);
    await pickView(tmux, /Containers/);
    const uss = formatValue(findColumn(groupColumns('cgroup'), 'uss')!, rollupBytes(pid).ussBytes, context);
    await tmux.waitForAll([
      /Containers +1 containers · 1 processes/,
      new RegExp(`^${name} +1 +\\S+ +\\S+ +${escape(uss)} +1[67]\\.\\dM +512M +0 +- +/${name}`, 'm'),
    ]);
    tmux.send('Enter');
    const screen = await tmux.waitForAll([new RegExp(`Containers › ${name} processes +1 of \\d+ processes`), new RegExp(`^ *${pid} `, 'm')]);
    assert.match(screen, /total of 1 shown/);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
