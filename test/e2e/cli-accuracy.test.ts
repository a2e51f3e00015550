/**
 * Accuracy on the live kernel: helpers that allocate known amounts (test/helpers/memhog.c) and
 * memtop's reports of them, as the built binary prints them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { startMemhog } from '../helpers/live-helpers.js';
import { withinFreeReadings } from '../helpers/free-bytes.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import type { MapsJson, ProcessJson, SnapshotJson, SystemJson } from '../helpers/snapshot-types.js';

const MIB = 1024 * 1024;
const REGION_MIB = 64;
const KIB = 1024;

function snapshotOf(pid: number): ProcessJson {
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(pid)]);
  assert.equal(json.processes!.length, 1, `pid ${pid} in the snapshot`);
  return json.processes![0];
}

function within(actual: number, expected: number, fraction: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= expected * fraction,
    `${what}: ${(actual / MIB).toFixed(2)} MiB, expected ${(expected / MIB).toFixed(2)} MiB ± ${fraction * 100} %`);
}

test('a process that touched 64 MiB privately has USS ≥ 64 MiB (within 2 %)', async (t) => {
  const hog = await startMemhog(['private', String(REGION_MIB)]);
  t.after(() => hog.stop());
  const p = snapshotOf(hog.pids[0]);
  assert.ok(p.uss! >= REGION_MIB * MIB, `USS ${p.uss} ≥ 64 MiB`);
  within(p.uss!, REGION_MIB * MIB, 0.02, 'USS');
  assert.ok(p.pss! >= p.uss! && p.rss! >= p.pss!, 'RSS ≥ PSS ≥ USS');
  assert.deepEqual(p.denied, []);
});

test('a process whose first thread exited ("Zl": ps shows it with no memory) still has its 64 MiB, read through a live thread', async (t) => {
  const hog = await startMemhog(['leaderless', String(REGION_MIB)]);
  t.after(() => hog.stop());
  const pid = hog.pids[0];
  assert.match(readFileSync(`/proc/${pid}/stat`, 'latin1'), /^\d+ \(.*\) Z /, 'the leader is a zombie (startMemhog waits for it)');
  assert.match(readFileSync(`/proc/${pid}/status`, 'latin1'), /^Threads:\s+2$/m);
  assert.doesNotMatch(readFileSync(`/proc/${pid}/status`, 'latin1'), /^VmRSS:/m, 'the leader\'s own status has no memory lines');
  const p = snapshotOf(pid);
  assert.equal(p.state, 'Z');
  assert.equal(p.threads, 2);
  within(p.uss!, REGION_MIB * MIB, 0.02, 'USS');
  assert.ok(p.rss! >= p.pss! && p.pss! >= p.uss!, 'RSS ≥ PSS ≥ USS');
  assert.ok(p.vss! >= REGION_MIB * MIB, `VSS ${p.vss}`);
  assert.match(p.cmdline, /memhog leaderless 64$/);
  // Its mappings too (memtop maps, and the UI's Mappings view: read-mappings.ts).
  const maps = memtopJson<MapsJson>(['maps', String(pid), '--json']);
  assert.equal(maps.pid, pid);
  within(maps.totals.uss, REGION_MIB * MIB, 0.02, 'maps USS');
  // Without PSS, RSS comes from the live thread's status.
  const run = runMemtop(['snapshot', '--csv', '--pid', String(pid), '--sort', 'pid', '--columns', 'pid,vss,rss,state']);
  const [, vss, rss, state] = run.stdout.trim().split('\n')[1].split(',');
  assert.equal(state, 'Z');
  assert.ok(Number(rss) >= REGION_MIB * MIB && Number(vss) >= REGION_MIB * MIB, run.stdout);
});

test('a forked pair sharing 64 MiB touched before the fork: each is charged ~32 MiB PSS for it (within 2 %)', async (t) => {
  const pair = await startMemhog(['pair', String(REGION_MIB)]);
  t.after(() => pair.stop());
  for (const pid of pair.pids) {
    const maps = memtopJson<MapsJson>(['maps', String(pid), '--json']);
    const region = maps.mappings.find((m) => m.start === pair.address);
    assert.ok(region, `pid ${pid}: a mapping starts at ${pair.address}`);
    assert.equal(region.size, REGION_MIB * MIB);
    assert.equal(region.rss, REGION_MIB * MIB, 'all of it resident');
    within(region.pss, (REGION_MIB / 2) * MIB, 0.02, `pid ${pid}: PSS of the shared region`);
    assert.equal(region.uss, 0, 'nothing of it private');
    assert.equal(region.shared, REGION_MIB * MIB);
  }
});

test('memtop maps totals equal memtop snapshot for the same (stopped) process', async (t) => {
  const pair = await startMemhog(['pair', '8']);
  t.after(() => pair.stop());
  pair.pause();
  for (const pid of pair.pids) {
    // The helper is stopped and static (memhog maps no shared library), so its PSS cannot move;
    // should it share pages with others all the same, a reading is kept only when two
    // snapshots around the maps agree.
    let reading: { snapshot: ProcessJson; maps: MapsJson } | undefined;
    for (let attempt = 0; attempt < 5 && reading === undefined; attempt++) {
      const before = snapshotOf(pid);
      const maps = memtopJson<MapsJson>(['maps', String(pid), '--json']);
      const after = snapshotOf(pid);
      if (before.pss === after.pss) reading = { snapshot: after, maps };
    }
    assert.ok(reading !== undefined, `pid ${pid}: its PSS held still across a maps reading in one of 5 tries`);
    const { snapshot, maps } = reading;
    assert.equal(maps.totals.rss, snapshot.rss, `pid ${pid}: rss`);
    assert.equal(maps.totals.uss, snapshot.uss, `pid ${pid}: uss`);
    assert.equal(maps.totals.swap, snapshot.swap, `pid ${pid}: swap`);
    // smaps truncates PSS to whole kB per mapping; smaps_rollup sums first and truncates once.
    assert.ok(maps.totals.pss <= snapshot.pss! && maps.totals.pss > snapshot.pss! - maps.totals.count * KIB,
      `pid ${pid}: maps PSS ${maps.totals.pss} vs snapshot ${snapshot.pss} over ${maps.totals.count} mappings`);
    assert.ok(maps.totals.swapPss <= snapshot.swapPss!);
  }
  pair.resume();
});

/** "Key:   123 kB" of /proc/PID/status, in bytes. */
function statusKb(pid: number, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(match, `${key} in /proc/${pid}/status`);
  return Number(match[1]) * KIB;
}

test('SHR counts resident shmem and file pages: 64 MiB of touched shared memory, as status\'s RssFile + RssShmem', async (t) => {
  const hog = await startMemhog(['shared', String(REGION_MIB)]);
  t.after(() => hog.stop());
  hog.pause();
  const pid = hog.pids[0];
  const p = snapshotOf(pid);
  // memtop takes SHR from the rollup (Rss − Anonymous); status's counters are per-CPU sums
  // that the kernel may fold in late, so they agree to a few hundred KiB.
  const statusShr = statusKb(pid, 'RssFile') + statusKb(pid, 'RssShmem');
  assert.ok(Math.abs(p.shr! - statusShr) <= 1 * MIB, `SHR ${p.shr} vs status ${statusShr}`);
  assert.ok(p.shr! >= REGION_MIB * MIB, `SHR ${p.shr} ≥ 64 MiB`);
  within(p.shr!, REGION_MIB * MIB, 0.02, 'SHR');
  const maps = memtopJson<MapsJson>(['maps', String(pid), '--json']);
  const region = maps.mappings.find((m) => m.start === hog.address);
  assert.equal(region?.kind, 'shmem', 'the region is shared memory');
  assert.equal(region?.rss, REGION_MIB * MIB);
  hog.resume();
});

function uptimeSeconds(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** utime + stime of a process, in clock ticks (USER_HZ: 100 a second on Linux). */
function cpuTicksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function startSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) / 100;
}

test('CPU%: the lifetime average of one sample (as ps), or the use between two with --interval', async (t) => {
  const hog = await startMemhog(['busy']);
  t.after(() => hog.stop());
  const pid = hog.pids[0];
  await sleep(600); // it uses the CPU all this time
  hog.pause();
  const cpuSeconds = cpuTicksOf(pid) / 100;
  assert.ok(cpuSeconds >= 0.05, `the helper used the CPU: ${cpuSeconds} s`);
  // Stopped, its CPU time stands still: one sample's figure is that time over its life so far,
  // which lies between the life measured just before and just after the sample.
  const startSeconds = startSecondsOf(pid);
  const upBefore = uptimeSeconds();
  const lifetime = snapshotOf(pid).cpu ?? assert.fail('CPU% unknown');
  const upAfter = uptimeSeconds();
  const high = (cpuSeconds / Math.max(upBefore - startSeconds, 0.01)) * 100;
  const low = (cpuSeconds / (upAfter + 0.01 - startSeconds)) * 100;
  assert.ok(lifetime >= low - 0.01 && lifetime <= high + 0.01, `lifetime CPU% ${lifetime} within ${low}..${high}`);
  const stopped = memtopJson<SnapshotJson>(['snapshot', '--json', '--interval', '0.3', '--pid', String(pid)]);
  assert.equal(stopped.processes![0].cpu, 0, 'a stopped process uses no CPU between the two samples');
  // Running: memtop's two samples lie inside this window, at least --interval apart, so the share
  // it reports is above 0 and at most the window's CPU time over the interval.
  hog.resume();
  const ticksBefore = cpuTicksOf(pid);
  const running = memtopJson<SnapshotJson>(['snapshot', '--json', '--interval', '0.5', '--pid', String(pid)]);
  const windowSeconds = (cpuTicksOf(pid) - ticksBefore) / 100;
  const cpu = running.processes![0].cpu ?? assert.fail('CPU% unknown');
  assert.ok(cpu > 0 && cpu <= (windowSeconds / 0.5) * 100 + 0.01, `CPU% between the samples ${cpu}: above 0, at most ${(windowSeconds / 0.5) * 100}`);
});

test('memtop system: MemTotal as /proc/meminfo says, and the free figures of `free -b` within a few MiB', () => {
  const memTotalKb = Number(/^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))![1]);
  // memtop reads /proc/meminfo between the two `free -b` readings taken around the whole command
  // (its own few MiB of Node count as used in its reading only: within the slack).
  const { reading: json, before } = withinFreeReadings(() => memtopJson<SystemJson>(['system', '--json', '--interval', '0.1']),
    (reading) => reading.free, { slackBytes: 8 * MIB });
  assert.equal(json.meminfo.MemTotal, memTotalKb * KIB);
  assert.equal(json.free.total, before.total);
  assert.equal(json.free.swapTotal, before.swapTotal);
  const vmstat = json.vmstat;
  const rate = (key: keyof SystemJson['vmstat']): number => {
    const value = vmstat[key];
    assert.ok(value !== null && Number.isFinite(value) && value >= 0, `${key}: ${value}`);
    return value;
  };
  for (const key of ['r', 'b', 'si', 'so', 'bi', 'bo', 'in', 'cs'] as const) rate(key);
  const cpu = rate('us') + rate('sy') + rate('id') + rate('wa') + rate('st');
  assert.ok(cpu > 95 && cpu < 105, `CPU shares add up to ~100 %: ${cpu}`);
});
