import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from './sampler.js';
import { NotAProcRootError } from './read-system.js';
import { UserNames } from './user-names.js';
import type { ProcessSample } from './sample.js';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { withTreeCopy } from '../../test/helpers/fixture-copy.js';
import { procBasic, procNoRollup } from '../../test/helpers/paths.js';
import type { ReadNeed } from './read-needs.js';

const WITH_ROLLUP = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cmdline']);
const WITHOUT_ROLLUP = new Set<ReadNeed>(['stat', 'status', 'cmdline']);

const users = new UserNames(new Map([[0, 'root']]));

/** "Key:   123 kB" from a fixture file, in bytes, read without memtop's parsers. */
function kbField(root: string, pid: number, file: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(join(root, String(pid), file), 'latin1'));
  assert.ok(match, `${key} in ${pid}/${file}`);
  return Number(match[1]) * 1024;
}

function pidsOf(root: string): number[] {
  return readdirSync(root).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
}

function byPid(processes: ProcessSample[]): Map<number, ProcessSample> {
  return new Map(processes.map((p) => [p.pid, p]));
}

test('an exact sample of the fixture tree has every process, with the figures its files give', () => {
  const sampler = new Sampler({ procfs: new ProcFs(procBasic), clock: new FakeClock(), users, exact: true });
  const sample = sampler.sample();
  assert.deepEqual(sample.processes.map((p) => p.pid).sort((a, b) => a - b), pidsOf(procBasic));
  assert.equal(sample.detailSource, 'smaps_rollup');
  assert.equal(sample.system.meminfo.MemTotal, kbField(procBasic, 0, '../meminfo', 'MemTotal'));
  const procs = byPid(sample.processes);
  for (const p of sample.processes) {
    if (p.kernelThread || p.state === 'Z' || p.denied.length > 0) continue;
    assert.equal(p.pssBytes, kbField(procBasic, p.pid, 'smaps_rollup', 'Pss'), `pss of ${p.pid}`);
    assert.equal(p.rssBytes, kbField(procBasic, p.pid, 'smaps_rollup', 'Rss'), `rss of ${p.pid}`);
    assert.equal(p.ussBytes, kbField(procBasic, p.pid, 'smaps_rollup', 'Private_Clean')
      + kbField(procBasic, p.pid, 'smaps_rollup', 'Private_Dirty'), `uss of ${p.pid}`);
    assert.equal(p.swapPssBytes, kbField(procBasic, p.pid, 'smaps_rollup', 'SwapPss'));
    assert.equal(p.vssBytes, kbField(procBasic, p.pid, 'status', 'VmSize'), `vss of ${p.pid}`);
    assert.equal(p.shrBytes, kbField(procBasic, p.pid, 'status', 'RssFile') + kbField(procBasic, p.pid, 'status', 'RssShmem'));
    assert.equal(p.user, 'root');
    assert.ok(p.cmdline.length > 0, `cmdline of ${p.pid}`);
  }
  // PID 1: smaps_rollup refused (left out of the tree): unknown, never 0, and the denial named.
  const init = procs.get(1)!;
  assert.equal(init.pssBytes, null);
  assert.equal(init.ussBytes, null);
  assert.equal(init.swapPssBytes, null);
  assert.deepEqual(init.denied, ['smaps_rollup']);
  assert.equal(init.rssBytes, kbField(procBasic, 1, 'status', 'VmRSS'));
  assert.equal(init.vssBytes, kbField(procBasic, 1, 'status', 'VmSize'));
  // PID 2: a kernel thread, flagged, owning no memory.
  const kthreadd = procs.get(2)!;
  assert.equal(kthreadd.kernelThread, true);
  assert.equal(kthreadd.comm, 'kthreadd');
  assert.equal(kthreadd.cmdline, '');
  assert.equal(kthreadd.rssBytes, 0);
  // The zombie: no address space, zeros rather than unknowns.
  const zombie = sample.processes.find((p) => p.state === 'Z')!;
  assert.equal(zombie.kernelThread, false);
  assert.equal(zombie.pssBytes, 0);
  assert.deepEqual(zombie.denied, []);
  assert.deepEqual(sample.stats.gone, 0);
});

test('without smaps_rollup (kernels before 4.14) the sampler sums smaps, to the same figures', () => {
  const rollup = byPid(new Sampler({ procfs: new ProcFs(procBasic), clock: new FakeClock(), users, exact: true }).sample().processes);
  const sample = new Sampler({ procfs: new ProcFs(procNoRollup), clock: new FakeClock(), users, exact: true }).sample();
  assert.equal(sample.detailSource, 'smaps');
  for (const p of sample.processes) {
    const r = rollup.get(p.pid)!;
    assert.equal(p.rssBytes, r.rssBytes, `rss of ${p.pid}`);
    assert.equal(p.ussBytes, r.ussBytes, `uss of ${p.pid}`);
    assert.equal(p.swapBytes, r.swapBytes, `swap of ${p.pid}`);
    if (r.pssBytes === null) {
      assert.equal(p.pssBytes, null);
      continue;
    }
    // Each mapping's Pss is truncated to a whole kB in smaps; the rollup truncates once.
    const mappings = (readFileSync(join(procNoRollup, String(p.pid), 'smaps'), 'latin1').match(/^Size:/gm) ?? []).length;
    const shortfall = r.pssBytes - p.pssBytes!;
    assert.ok(shortfall >= 0 && shortfall < 1024 * Math.max(mappings, 1), `pss of ${p.pid}: ${p.pssBytes} vs ${r.pssBytes}`);
  }
});

test('incremental sampling re-reads only what changed, plus a round-robin share', () => {
  withTreeCopy(procBasic, (root) => {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users, intervalMs: 1000, maxStalenessMs: 10_000 });
    const first = sampler.sample();
    const withMemory = first.processes.filter((p) => !p.kernelThread && p.state !== 'Z').length;
    assert.equal(first.stats.reads.status, first.processes.length);
    assert.equal(first.stats.reads.rollup, withMemory);

    clock.advance(1000);
    const idle = sampler.sample();
    assert.equal(idle.stats.reads.status, 0, 'nothing changed: no status read');
    assert.equal(idle.stats.reads.rollup, Math.ceil(withMemory / 10), 'one tenth of the population per tick');

    // A process whose resident size moves is re-read at once.
    const statPath = join(root, '3852', 'stat');
    const fields = readFileSync(statPath, 'latin1').split(' ');
    fields[23] = String(Number(fields[23]) + 10); // rss, field 24
    writeFileSync(statPath, fields.join(' '), 'latin1');
    clock.advance(1000);
    const moved = sampler.sample();
    assert.equal(moved.stats.reads.status, 1);
    assert.equal(byPid(moved.processes).get(3852)!.pssReadAtMs, moved.monotonicMs);
  });
});

test('incremental sampling keeps every PSS younger than --max-staleness', () => {
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs: new ProcFs(procBasic), clock, users, intervalMs: 1000, maxStalenessMs: 3000 });
  sampler.sample();
  for (let tick = 0; tick < 20; tick++) {
    clock.advance(1000);
    const sample = sampler.sample();
    for (const p of sample.processes) {
      const ageMs = p.pssReadAtMs === null ? null : sample.monotonicMs - p.pssReadAtMs;
      if (ageMs !== null) assert.ok(ageMs <= 3000, `tick ${tick}: pid ${p.pid} pss is ${ageMs} ms old`);
    }
  }
});

test('cmdline is read once per process lifetime (while its comm stays); a reused PID is a new process', () => {
  withTreeCopy(procBasic, (root) => {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users });
    const before = byPid(sampler.sample().processes).get(3851)!;
    writeFileSync(join(root, '3851', 'cmdline'), 'renamed\0');
    clock.advance(1000);
    assert.equal(byPid(sampler.sample().processes).get(3851)!.cmdline, before.cmdline);
    // Same PID, later start time: another process.
    const statPath = join(root, '3851', 'stat');
    const fields = readFileSync(statPath, 'latin1').split(' ');
    fields[21] = String(Number(fields[21]) + 500); // starttime, field 22
    writeFileSync(statPath, fields.join(' '), 'latin1');
    clock.advance(1000);
    const reused = byPid(sampler.sample().processes).get(3851)!;
    assert.equal(reused.cmdline, 'renamed');
    assert.equal(reused.startTimeTicks, before.startTimeTicks + 500);
  });
});

test('an exec (same PID, same start time, another comm) has its command line read again', () => {
  withTreeCopy(procBasic, (root) => {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users });
    const before = byPid(sampler.sample().processes).get(3851)!;
    assert.equal(before.comm, 'sleep');
    // bash -c 'sleep 1; exec python3 server.py': the comm and the command line change together.
    writeFileSync(join(root, '3851', 'cmdline'), 'python3\0server.py\0');
    const statPath = join(root, '3851', 'stat');
    writeFileSync(statPath, readFileSync(statPath, 'latin1').replace('(sleep)', '(python3)'), 'latin1');
    clock.advance(1000);
    const after = byPid(sampler.sample().processes).get(3851)!;
    assert.equal(after.comm, 'python3');
    assert.equal(after.cmdline, 'python3 server.py');
    assert.equal(after.startTimeTicks, before.startTimeTicks);
  });
});

test('CPU% is the lifetime average on first sight, then the share of the interval', () => {
  withTreeCopy(procBasic, (root) => {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users });
    const first = byPid(sampler.sample().processes).get(3852)!;
    const uptime = Number(readFileSync(join(root, 'uptime'), 'latin1').split(' ')[0]);
    const lifetime = ((first.cpuTicks! / 100) / (uptime - first.startTimeTicks / 100)) * 100;
    assert.ok(Math.abs(first.cpuPercent! - lifetime) < 1e-9);

    const statPath = join(root, '3852', 'stat');
    const fields = readFileSync(statPath, 'latin1').split(' ');
    fields[13] = String(Number(fields[13]) + 30); // utime, field 14
    fields[14] = String(Number(fields[14]) + 20); // stime, field 15
    writeFileSync(statPath, fields.join(' '), 'latin1');
    clock.advance(2000);
    assert.equal(byPid(sampler.sample().processes).get(3852)!.cpuPercent, 25); // 0.5 s of 2 s
  });
});

test('a process whose file vanishes mid-read is absent; one whose file is cut short or garbled is named, never half-reported or dropped silently', () => {
  withTreeCopy(procBasic, (root) => {
    rmSync(join(root, '3851', 'status'));
    writeFileSync(join(root, '3853', 'stat'), '3853 (pyth');
    writeFileSync(join(root, '3858', 'smaps_rollup'), '5558e9a00000-7ffecfe3e000 ---p 00000000 00:00 0  [rollup]\n');
    const sample = new Sampler({ procfs: new ProcFs(root), clock: new FakeClock(), users, exact: true }).sample();
    const pids = sample.processes.map((p) => p.pid);
    assert.ok(!pids.includes(3851) && !pids.includes(3853), `${pids}`);
    assert.equal(sample.stats.gone, 1, 'only the process whose status vanished');
    assert.deepEqual(sample.stats.unreadable, [{ pid: 3853, file: 'stat', why: 'garbled' }]);
    const cut = byPid(sample.processes).get(3858)!;
    assert.deepEqual([cut.pssBytes, cut.ussBytes, cut.swapPssBytes, cut.invalid], [null, null, null, ['smaps_rollup']]);
    assert.equal(typeof cut.rssBytes, 'number', 'RSS from status, which was read whole');
    assert.ok(pids.includes(3852));
  });
});

test('a root that is not a /proc is a clear error', () => {
  assert.throws(() => new Sampler({ procfs: new ProcFs('/nonexistent'), users }).sample(), NotAProcRootError);
});

test('without detail columns, smaps_rollup is not read and PSS is unknown', () => {
  const sample = new Sampler({ procfs: new ProcFs(procBasic), clock: new FakeClock(), users, needs: WITHOUT_ROLLUP }).sample();
  assert.equal(sample.detailSource, 'off');
  assert.equal(sample.stats.reads.rollup, 0);
  const memhog = byPid(sample.processes).get(3852)!;
  assert.equal(memhog.pssBytes, null);
  assert.equal(memhog.rssBytes, kbField(procBasic, 3852, 'status', 'VmRSS'));
});

test('an idle process (stat unchanged to the byte) keeps its figures and its record, with no CPU used', () => {
  const clock = new FakeClock();
  const sampler = new Sampler({ procfs: new ProcFs(procBasic), clock, users, intervalMs: 1000, maxStalenessMs: 3_600_000 });
  const first = sampler.sample();
  const before = byPid(first.processes);
  clock.advance(1000);
  const second = sampler.sample();
  assert.equal(second.stats.reads.status, 0);
  for (const p of second.processes) {
    const earlier = before.get(p.pid)!;
    assert.deepEqual({ ...p, cpuPercent: 0, pssReadAtMs: 0 }, { ...earlier, cpuPercent: 0, pssReadAtMs: 0 }, `pid ${p.pid}`);
    assert.equal(p.cpuPercent, 0);
    assert.ok(p.pssReadAtMs === earlier.pssReadAtMs || p.pssReadAtMs === second.monotonicMs, `pss of ${p.pid}`);
  }
  // Only the round-robin share was re-read; the others are the very same records.
  const refreshed = second.processes.filter((p) => p.pssReadAtMs === second.monotonicMs);
  assert.equal(refreshed.length, second.stats.reads.rollup);
  clock.advance(1000);
  const third = byPid(sampler.sample().processes);
  const same = second.processes.filter((p) => third.get(p.pid) === p).length;
  assert.ok(same >= second.processes.length - 2, `${same} of ${second.processes.length} records reused`);
});

/** A copy of a tree read as if it were a live procfs: the owner of /proc/PID stands for the uid, status is read only where there is no rollup. */
class LiveLikeProcFs extends ProcFs {
  override readonly filesShowOwner = true;
}

test('PSS switched on and off again: RSS comes from a status read afresh, not one kept from before the switch', () => {
  withTreeCopy(procBasic, (root) => {
    const pid = 3851;
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new LiveLikeProcFs(root), clock, users, exact: false, needs: WITHOUT_ROLLUP });
    const rssOf = () => byPid(sampler.sample().processes).get(pid)!.rssBytes;
    assert.equal(rssOf(), kbField(root, pid, 'status', 'VmRSS'), 'no PSS: status');
    sampler.needs = WITH_ROLLUP;
    clock.advance(1000);
    assert.equal(rssOf(), kbField(root, pid, 'smaps_rollup', 'Rss'), 'PSS on: the rollup');
    // The process grows by 64 MiB: its stat, status and rollup say so.
    const grow = (file: string, edit: (text: string) => string) => writeFileSync(join(root, String(pid), file), edit(readFileSync(join(root, String(pid), file), 'latin1')), 'latin1');
    grow('status', (t) => t.replace(/^(VmRSS:\s+)(\d+)/m, (_m, k: string, kb: string) => `${k}${Number(kb) + 65536}`));
    grow('smaps_rollup', (t) => t.replace(/^(Rss:\s+)(\d+)/m, (_m, k: string, kb: string) => `${k}${Number(kb) + 65536}`));
    grow('stat', (t) => { const f = t.split(' '); f[23] = String(Number(f[23]) + 16384); return f.join(' '); });
    clock.advance(1000);
    assert.equal(rssOf(), kbField(root, pid, 'smaps_rollup', 'Rss'), 'PSS on, grown: the rollup');
    sampler.needs = WITHOUT_ROLLUP;
    clock.advance(1000);
    assert.equal(rssOf(), kbField(root, pid, 'status', 'VmRSS'), 'PSS off again: the grown status, not the one read before the switch');
  });
});

test('a process that becomes a zombie shows no memory from the next tick on, not its last figures', () => {
  withTreeCopy(procBasic, (root) => {
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new LiveLikeProcFs(root), clock, users, exact: false });
    const alive = byPid(sampler.sample().processes).get(3851)!;
    assert.ok(alive.pssBytes! > 0 && alive.rssBytes! > 0);
    // It exits; its parent has not reaped it: stat says Z, and the kernel gives no memory files.
    const statPath = join(root, '3851', 'stat');
    writeFileSync(statPath, readFileSync(statPath, 'latin1').replace(') T ', ') Z '), 'latin1');
    for (const file of ['smaps_rollup', 'smaps']) writeFileSync(join(root, '3851', file), '');
    clock.advance(1000);
    const zombie = byPid(sampler.sample().processes).get(3851)!;
    assert.equal(zombie.state, 'Z');
    assert.deepEqual([zombie.vssBytes, zombie.rssBytes, zombie.shrBytes, zombie.pssBytes, zombie.ussBytes, zombie.swapBytes, zombie.swapPssBytes], [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(zombie.pssReadAtMs, null);
  });
});

test('a process read only in part stays in the cached listing: it is read again next tick, not lost until the next fork', () => {
  withTreeCopy(procBasic, (root) => {
    const pid = 3851;
    const clock = new FakeClock();
    // As on the live /proc: the root is listed again only when loadavg's last PID moves (it does
    // not in a copy).
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users, exact: false, trustLastPid: true });
    const statusPath = join(root, String(pid), 'status');
    const status = readFileSync(statusPath, 'latin1');
    rmSync(statusPath); // gone mid-read, its directory still there
    const first = sampler.sample();
    assert.equal(byPid(first.processes).get(pid), undefined, 'absent while its status is missing');
    assert.deepEqual(first.stats.gone, 1);
    writeFileSync(statusPath, status, 'latin1');
    const gonePid = first.processes.find((p) => p.pid !== pid && p.pid !== 1)!.pid;
    rmSync(join(root, String(gonePid)), { recursive: true });
    clock.advance(1000);
    const second = sampler.sample();
    assert.equal(sampler.pids.listings, 1, 'the root was not listed again');
    assert.ok(byPid(second.processes).has(pid), 'read again, whole, on the next tick');
    assert.equal(byPid(second.processes).get(gonePid), undefined);
    assert.equal(second.stats.gone, 1, 'the process whose directory went is tried once more, then forgotten');
    clock.advance(1000);
    assert.equal(sampler.sample().stats.gone, 0);
  });
});

test('an impossible utime: CPU% unknown on first sight and on every idle tick after, never 0 or a huge figure', () => {
  withTreeCopy(procBasic, (root) => {
    const statPath = join(root, '3852', 'stat');
    const fields = readFileSync(statPath, 'latin1').split(' ');
    fields[13] = '9223372036854775808'; // utime, field 14: 2^63
    writeFileSync(statPath, fields.join(' '), 'latin1');
    const clock = new FakeClock();
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users, exact: false });
    const first = byPid(sampler.sample().processes).get(3852)!;
    assert.deepEqual([first.cpuTicks, first.cpuPercent, first.invalid], [null, null, ['stat utime']]);
    clock.advance(1000);
    const idle = byPid(sampler.sample().processes).get(3852)!;
    assert.equal(idle.cpuPercent, null, 'the stat line did not move: still unknown');
  });
});

test('a process whose stat is garbled is counted on every tick, not only on those that list the root', () => {
  withTreeCopy(procBasic, (root) => {
    writeFileSync(join(root, '3853', 'stat'), '3853 (pyth');
    const clock = new FakeClock();
    // As on the live /proc: the root is listed again only when loadavg's last PID moves.
    const sampler = new Sampler({ procfs: new ProcFs(root), clock, users, exact: false, trustLastPid: true });
    assert.deepEqual(sampler.sample().stats.unreadable, [{ pid: 3853, file: 'stat', why: 'garbled' }]);
    clock.advance(1000);
    const second = sampler.sample();
    assert.equal(sampler.pids.listings, 1, 'the root was not listed again');
    assert.deepEqual(second.stats.unreadable, [{ pid: 3853, file: 'stat', why: 'garbled' }]);
    assert.equal(second.stats.gone, 0);
  });
});
