/**
 * The whole command line on the committed fixture trees (--proc): snapshot as table, CSV, JSON,
 * grouped and totalled; maps; system. Expected numbers are read from the fixture files
 * themselves (fixture-figures.ts), so the tests hold if the trees are captured again.
 */
import { test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTreeCopy } from '../helpers/fixture-copy.js';
import assert from 'node:assert/strict';
import { procBasic, procNoRollup } from '../helpers/paths.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import { fileText, rollupFigures, smapsMappings, statComm, statusFigures, summedSmaps } from '../helpers/fixture-figures.js';
import type { MapsJson, ProcessJson, SnapshotJson, SystemJson } from '../helpers/snapshot-types.js';
import { fixtureProcesses, fixturePids, fixturePidsWithMemory } from '../fixtures/fixture-tree.js';
import { humanBytes } from '../../src/model/human-units.js';

const KIB = 1024;
const roles = fixtureProcesses();
const withMemory = fixturePidsWithMemory();

function byPid(processes: ProcessJson[]): Map<number, ProcessJson> {
  return new Map(processes.map((p) => [p.pid, p]));
}

/** The rows of a human table, split on blanks (the command, last, may hold blanks: not used). */
function tableRows(text: string): Map<string, Record<string, string>> {
  const [header, ...lines] = text.trimEnd().split('\n');
  const titles = header.trim().split(/\s+/);
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const words = line.trim().split(/\s+/);
    rows.set(words[0], Object.fromEntries(titles.map((t, i) => [t, words[i]])));
  }
  return rows;
}

test('snapshot --json: every figure of every captured process, exactly as the files say', () => {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', procBasic]);
  const processes = byPid(json.processes!);
  assert.deepEqual([...processes.keys()].sort((a, b) => a - b), fixturePids().filter((pid) => pid !== roles.kthreadd));
  for (const pid of withMemory) {
    const p = processes.get(pid)!;
    const rollup = rollupFigures(procBasic, pid);
    const status = statusFigures(procBasic, pid);
    assert.deepEqual(
      { rss: p.rss, pss: p.pss, uss: p.uss, swap: p.swap, swapPss: p.swapPss, vss: p.vss, shr: p.shr },
      { ...rollup, vss: status.vss, shr: status.shr }, `pid ${pid}`);
    assert.deepEqual(p.denied, []);
  }
  // PID 1's smaps_rollup was refused: PSS/USS/SwapPss unknown, said so; RSS/VSS/SHR from status.
  const init = processes.get(roles.init)!;
  const initStatus = statusFigures(procBasic, roles.init);
  assert.deepEqual({ pss: init.pss, uss: init.uss, swapPss: init.swapPss }, { pss: null, uss: null, swapPss: null });
  assert.deepEqual(init.denied, ['smaps_rollup']);
  assert.deepEqual({ rss: init.rss, vss: init.vss, shr: init.shr }, { rss: initStatus.rss, vss: initStatus.vss, shr: initStatus.shr });
  // Strings exactly as the kernel gave them.
  assert.equal(processes.get(roles.locker)!.comm, statComm(procBasic, roles.locker));
  assert.match(processes.get(roles.locker)!.comm, /\x1b\[1m\n$/);
  assert.equal(processes.get(roles.memhog)!.cmdline, fileText(procBasic, `${roles.memhog}/cmdline`).replace(/\0$/, '').split('\0').join(' '));
  assert.equal(processes.get(roles.zombie)!.state, 'Z');
  // Sorted by PSS, largest first, unknown last.
  const pss = json.processes!.map((p) => p.pss);
  assert.equal(pss[pss.length - 1], null);
  const known = pss.filter((v): v is number => v !== null);
  assert.deepEqual(known, [...known].sort((a, b) => b - a));
  assert.equal(json.system.detailSource, 'smaps_rollup');
  assert.equal(json.system.free.total, Number(/^MemTotal:\s+(\d+)/m.exec(fileText(procBasic, 'meminfo'))![1]) * KIB);
  assert.ok(!Number.isNaN(Date.parse(json.time)));

  const kernel = byPid(memtopJson<SnapshotJson>(['snapshot', '--json', '--kernel', '--proc', procBasic]).processes!);
  assert.equal(kernel.get(roles.kthreadd)!.kernelThread, true);
  assert.equal(kernel.size, fixturePids().length);
});

test('snapshot without smaps_rollup sums smaps: PSS within the kernel\'s per-mapping kB truncation, the rest exact', () => {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', procNoRollup]);
  assert.equal(json.system.detailSource, 'smaps');
  const processes = byPid(json.processes!);
  for (const pid of withMemory) {
    const p = processes.get(pid)!;
    const rollup = rollupFigures(procBasic, pid);
    const mappings = smapsMappings(procNoRollup, pid).length;
    assert.equal(p.pss, summedSmaps(procNoRollup, pid, 'Pss'), `pid ${pid}: the summed smaps`);
    assert.ok(p.pss! <= rollup.pss && p.pss! > rollup.pss - mappings * KIB, `pid ${pid}: ${p.pss} vs rollup ${rollup.pss}`);
    assert.deepEqual({ rss: p.rss, uss: p.uss, swap: p.swap }, { rss: rollup.rss, uss: rollup.uss, swap: rollup.swap }, `pid ${pid}`);
  }
});

test('snapshot as a human table: K/M/G, "-" for the refused process, untrusted text made visible', () => {
  const run = runMemtop(['snapshot', '--proc', procBasic]);
  assert.equal(run.status, 0);
  assert.doesNotMatch(run.stdout, /[\x00-\x09\x0b-\x1f\x7f]/);
  const rows = tableRows(run.stdout);
  const memhog = rollupFigures(procBasic, roles.memhog);
  assert.equal(rows.get(String(roles.memhog))!.PSS, humanBytes(memhog.pss));
  assert.equal(rows.get(String(roles.memhog))!.USS, humanBytes(memhog.uss));
  assert.equal(rows.get(String(roles.init))!.PSS, '-');
  assert.equal(rows.get(String(roles.init))!.USS, '-');
  assert.equal(rows.get(String(roles.init))!.RSS, humanBytes(statusFigures(procBasic, roles.init).rss));
  assert.match(run.stderr, /^memtop: smaps_rollup refused for 1 of 6 processes .* shown as -$/m);

  const comm = runMemtop(['snapshot', '--columns', 'pid,pss,comm', '--pid', String(roles.locker), '--proc', procBasic]);
  assert.match(comm.stdout, /a\) b \(c\)\\x1b\[1m\\x0a/);
});

test('snapshot --totals: the totals row sums the known values and marks a partial sum with "+"', () => {
  const run = runMemtop(['snapshot', '--totals', '--proc', procBasic]);
  const lines = run.stdout.trimEnd().split('\n');
  const total = lines[lines.length - 1];
  const knownPss = withMemory.reduce((sum, pid) => sum + rollupFigures(procBasic, pid).pss, 0);
  assert.match(total, new RegExp(`^total .* ${humanBytes(knownPss).replace('.', '\\.')}\\+ .*\\(6 processes\\)$`));
  assert.match(run.stderr, /a sum followed by \+ leaves out processes whose value is unknown \(pss, uss\): it is a lower bound/);

  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--totals', '--proc', procBasic]);
  const totals = json.totals!;
  assert.equal(totals.count, 6);
  assert.equal(totals.pss, knownPss);
  assert.deepEqual(totals.unknown, { pss: 1, uss: 1, swapPss: 1 });
  assert.equal(totals.rss, json.processes!.reduce((sum, p) => sum + p.rss!, 0));
});

test('snapshot --csv: ids as the header, raw bytes, empty cells for unknown values', () => {
  const run = runMemtop(['snapshot', '--csv', '--columns', 'pid,rss,pss,uss,comm', '--proc', procBasic]);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'pid,rss,pss,uss,comm');
  assert.equal(lines.length, 7);
  const memhog = rollupFigures(procBasic, roles.memhog);
  assert.ok(lines.includes(`${roles.memhog},${memhog.rss},${memhog.pss},${memhog.uss},memhog`));
  assert.ok(lines.includes(`${roles.init},${statusFigures(procBasic, roles.init).rss},,,process_api`));
  assert.ok(lines.some((l) => l.startsWith(`${roles.locker},`) && l.endsWith(',a) b (c)\\x1b[1m\\x0a')), 'comm made visible');
});

test('snapshot --group program and --group user sum per program and per user, with a count', () => {
  const programs = memtopJson<SnapshotJson>(['snapshot', '--json', '--group', 'program', '--totals', '--proc', procBasic]);
  assert.equal(programs.groupBy, 'program');
  const memhog = programs.groups!.find((g) => g.program === 'memhog')!;
  assert.equal(memhog.count, 2);
  assert.equal(memhog.pss, rollupFigures(procBasic, roles.memhog).pss + rollupFigures(procBasic, roles.memhogChild).pss);
  assert.deepEqual(memhog.unknown, {});
  const init = programs.groups!.find((g) => g.program === 'process_api')!;
  assert.equal(init.pss, null, 'a group of unknowns is unknown');
  assert.equal(programs.groups!.reduce((sum, g) => sum + g.count, 0), 6);
  assert.equal(programs.totals!.count, 6);
  assert.deepEqual(programs.totals!.unknown, { pss: 1, uss: 1, swapPss: 1 });

  const users = runMemtop(['snapshot', '--group', 'user', '--proc', procBasic]);
  const rows = tableRows(users.stdout);
  assert.equal(rows.get('root')!.COUNT, '6');
  assert.match(rows.get('root')!.PSS, /\+$/);
  assert.match(users.stdout, /^USER\s+COUNT\s+RSS\s+PSS\s+USS\s+SWAP\s+CPU%\s+MEM%$/m);
});

test('snapshot --sort, --reverse, --limit, --pid, --filter, --user select and order the rows', () => {
  const ids = (args: string[]) => memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', procBasic, ...args]).processes!.map((p) => p.pid);
  assert.deepEqual(ids(['--sort', 'pid']), fixturePids().filter((pid) => pid !== roles.kthreadd));
  assert.deepEqual(ids(['--sort', 'pid', '--reverse', '--limit', '2']), fixturePids().slice(-2).reverse());
  assert.deepEqual(ids(['--pid', `${roles.memhog},${roles.init}`, '--sort', 'pid']), [roles.init, roles.memhog]);
  assert.deepEqual(ids(['--filter', 'MEMHOG', '--sort', 'pid']), [roles.memhog, roles.memhogChild]);
  assert.equal(ids(['--user', 'nobody']).length, 0);
  assert.equal(ids(['--user', '0']).length, 6);
});

test('maps --json: one row per mapping of smaps, totals equal to the sums (and to smaps_rollup but for kB truncation)', () => {
  for (const root of [procBasic, procNoRollup]) {
    const json = memtopJson<MapsJson>(['maps', String(roles.memhog), '--json', '--proc', root]);
    const mappings = smapsMappings(root, roles.memhog);
    assert.equal(json.pid, roles.memhog);
    assert.equal(json.comm, 'memhog');
    assert.equal(json.mappings.length, mappings.length);
    assert.deepEqual(json.mappings.map((m) => [m.start, m.end, m.path]), mappings.map((m) => [m.start, m.end, m.path]));
    assert.ok(json.mappings.some((m) => m.path === '/tmp/memtop fixture (1).dat (deleted)' && m.kind === 'file'));
    assert.ok(json.mappings.some((m) => m.path === '[heap]' && m.kind === 'heap'));
    assert.equal(json.totals.pss, summedSmaps(root, roles.memhog, 'Pss'));
    assert.equal(json.totals.count, mappings.length);
    const rollup = rollupFigures(procBasic, roles.memhog);
    assert.equal(json.totals.rss, rollup.rss);
    assert.equal(json.totals.uss, rollup.uss);
    assert.ok(json.totals.pss <= rollup.pss && json.totals.pss > rollup.pss - mappings.length * KIB);
  }
});

test('maps --group path sums the mappings of each file; the table has a totals row; CSV has raw bytes', () => {
  const grouped = memtopJson<MapsJson>(['maps', String(roles.memhog), '--json', '--group', 'path', '--proc', procBasic]);
  const libc = grouped.mappings.find((m) => m.path.endsWith('/libc.so.6'))!;
  const libcMappings = smapsMappings(procBasic, roles.memhog).filter((m) => m.path === libc.path);
  assert.equal(libc.count, libcMappings.length);
  assert.equal(libc.pss, libcMappings.reduce((sum, m) => sum + m.counters.Pss, 0));
  assert.equal(grouped.mappings.reduce((sum, m) => sum + m.pss, 0), grouped.totals.pss);
  const pss = grouped.mappings.map((m) => m.pss);
  assert.deepEqual(pss, [...pss].sort((a, b) => b - a), 'grouped rows by PSS, largest first');

  const table = runMemtop(['maps', String(roles.memhog), '--proc', procBasic]);
  assert.equal(table.status, 0);
  const lines = table.stdout.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^${roles.memhog}: memhog \\(\\d+ mappings\\)$`));
  assert.match(lines[1], /^ADDRESS\s+PERMS KIND\s+SIZE\s+RSS\s+PSS\s+USS/);
  assert.match(lines[lines.length - 1], new RegExp(`^total\\s.*\\s${humanBytes(grouped.totals.pss).replace('.', '\\.')}\\s`));
  assert.ok(lines.some((l) => l.endsWith(' /tmp/memtop fixture (1).dat (deleted)')));

  const csv = runMemtop(['maps', String(roles.memhog), '--csv', '--columns', 'address,pss,path', '--proc', procBasic]).stdout.trimEnd().split('\n');
  assert.equal(csv[0], 'address,pss,path');
  assert.equal(csv.length, smapsMappings(procBasic, roles.memhog).length + 2);
  assert.equal(csv[csv.length - 1], `total,${grouped.totals.pss},`);
});

test('maps of a process whose smaps was refused says so, exit 1', () => {
  const run = runMemtop(['maps', String(roles.init), '--proc', procBasic]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^memtop: cannot read .*\/1\/smaps: it is missing\n$/);
});

test('system --json: every meminfo field in bytes, the free summary, rates and pressure of the capture', () => {
  const json = memtopJson<SystemJson>(['system', '--json', '--interval', '0.1', '--proc', procBasic]);
  const meminfo = fileText(procBasic, 'meminfo');
  const lines = meminfo.trimEnd().split('\n');
  assert.equal(Object.keys(json.meminfo).length, lines.length);
  for (const line of lines) {
    const [, key, value, unit] = /^(\S+):\s+(\d+)( kB)?$/.exec(line)!;
    assert.equal(json.meminfo[key], Number(value) * (unit ? KIB : 1), key);
  }
  assert.equal(json.free.total, json.meminfo.MemTotal);
  assert.equal(json.free.used, json.meminfo.MemTotal - json.meminfo.MemAvailable);
  assert.equal(json.free.buffCache, json.meminfo.Buffers + json.meminfo.Cached + json.meminfo.SReclaimable);
  // Two readings of the same files: nothing moved, and no CPU time passed to be shared out.
  for (const key of ['si', 'so', 'bi', 'bo', 'in', 'cs'] as const) assert.equal(json.vmstat[key], 0, key);
  for (const key of ['us', 'sy', 'id', 'wa', 'st'] as const) assert.equal(json.vmstat[key], null, key);
  assert.deepEqual(json.pressure, { some: { avg10: 0, avg60: 0, avg300: 0, total: 0 }, full: { avg10: 0, avg60: 0, avg300: 0, total: 0 } });

  const text = runMemtop(['system', '--interval', '0.1', '--proc', procBasic]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^Mem:\s+\S+\s+\S+/m);
  assert.match(text.stdout, /^MemTotal\s+\S+\s+\d+ kB\s+usable RAM/m);
  assert.match(text.stdout, /^HugePages_Total\s+0\s+0 /m);
  assert.match(text.stdout, /^some\s+0\.00%\s+0\.00%\s+0\.00%/m);
});

test('MEM% is RSS as a share of MemTotal (CSV: percent, two decimals)', () => {
  // A machine of 100 MiB with 40 MiB available: shares large enough to tell MemTotal from
  // MemAvailable (or anything else) at two decimals.
  withTreeCopy(procBasic, (root) => {
    const meminfo = join(root, 'meminfo');
    writeFileSync(meminfo, readFileSync(meminfo, 'latin1')
      .replace(/^MemTotal:\s+\d+ kB$/m, 'MemTotal:         102400 kB')
      .replace(/^MemAvailable:\s+\d+ kB$/m, 'MemAvailable:      40960 kB'), 'latin1');
    const memTotalBytes = 102400 * KIB;
    const run = runMemtop(['snapshot', '--proc', root, '--csv', '--columns', 'pid,rss,mem']);
    assert.equal(run.status, 0);
    const rows = run.stdout.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    assert.equal(rows.length, fixturePids().length - 1, 'every process but the kernel thread');
    for (const [pid, rssBytes, memPercent] of rows) {
      const expected = (rssBytes / memTotalBytes) * 100;
      assert.ok(Math.abs(memPercent - expected) <= 0.005 + 1e-9, `pid ${pid}: MEM% ${memPercent}, RSS/MemTotal ${expected}`);
    }
    assert.ok(rows.some(([, , memPercent]) => memPercent > 5), 'some process has a share of several percent');
  });
});
