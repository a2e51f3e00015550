/**
 * A generated /proc tree of many processes (10,000 by default), written at test time into a
 * temporary directory and never committed: the system files come from test/fixtures/proc-basic,
 * each process gets stat, status, cmdline and smaps_rollup with figures that follow from its
 * index, so tests know every expected value. Every 1000th process has no smaps_rollup, which in
 * a fixture tree stands for a refused one (its PSS/USS are unknown).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procBasic } from './paths.js';

export interface GeneratedProcess {
  pid: number;
  comm: string;
  uid: number;
  vssBytes: number;
  rssBytes: number;
  /** Rss − Anonymous of the rollup (= RssFile + RssShmem of status). */
  shrBytes: number;
  /** null when the process's smaps_rollup is left out (refused). */
  pssBytes: number | null;
  ussBytes: number | null;
  swapBytes: number;
  swapPssBytes: number | null;
}

export interface GeneratedTree {
  root: string;
  processes: GeneratedProcess[];
  remove(): void;
}

const KIB = 1024;
export const FIRST_PID = 100;
/** Number of distinct program names (comm): process i is "worker<i % PROGRAMS>". */
export const PROGRAMS = 100;

function statLine(pid: number, comm: string, i: number, vsizeBytes: number, rssPages: number): string {
  // proc(5) fields 1..52; utime = i % 10 ticks, start time 1000 ticks after boot.
  const fields = [pid, `(${comm})`, 'S', 1, pid, pid, 0, -1, 4194304, 100, 0, 0, 0, i % 10, 0, 0, 0, 20, 0, 1, 0, 1000,
    vsizeBytes, rssPages, '18446744073709551615', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return `${fields.join(' ')}\n`;
}

function statusText(pid: number, comm: string, uid: number, p: { vssKb: number; rssKb: number; anonKb: number; swapKb: number }): string {
  return [
    `Name:\t${comm}`, 'Umask:\t0022', 'State:\tS (sleeping)', `Tgid:\t${pid}`, 'Ngid:\t0', `Pid:\t${pid}`, 'PPid:\t1',
    'TracerPid:\t0', `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`, `Gid:\t${uid}\t${uid}\t${uid}\t${uid}`, 'FDSize:\t64',
    'Groups:\t ', 'Kthread:\t0', `VmPeak:\t${p.vssKb} kB`, `VmSize:\t${p.vssKb} kB`, 'VmLck:\t0 kB', 'VmPin:\t0 kB',
    `VmHWM:\t${p.rssKb} kB`, `VmRSS:\t${p.rssKb} kB`, `RssAnon:\t${p.anonKb} kB`, `RssFile:\t${p.rssKb - p.anonKb} kB`,
    'RssShmem:\t0 kB', `VmSwap:\t${p.swapKb} kB`, 'Threads:\t1', '',
  ].join('\n');
}

function rollupText(c: Record<string, number>): string {
  let text = '00400000-7ffd00000000 ---p 00000000 00:00 0                          [rollup]\n';
  for (const [key, kb] of Object.entries(c)) text += `${`${key}:`.padEnd(16)}${String(kb).padStart(8)} kB\n`;
  return text;
}

export function generateProcTree(count = 10_000): GeneratedTree {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-tree-'));
  const root = join(dir, 'proc');
  mkdirSync(join(root, 'pressure'), { recursive: true });
  for (const name of ['meminfo', 'stat', 'uptime', 'vmstat', 'pressure/memory']) {
    copyFileSync(join(procBasic, name), join(root, name));
  }
  // As the kernel would count them: at least one task per process, the last PID handed out.
  writeFileSync(join(root, 'loadavg'), `0.06 0.04 0.00 1/${count + 50} ${FIRST_PID + count - 1}\n`);
  const processes: GeneratedProcess[] = [];
  for (let i = 0; i < count; i++) {
    const pid = FIRST_PID + i;
    const comm = `worker${i % PROGRAMS}`;
    const uid = i % 2 === 0 ? 0 : 65534;
    const rssKb = 1000 + (i % 500);
    const pssKb = 400 + (i % 300);
    const privateDirtyKb = 100 + (i % 50);
    const privateCleanKb = 12;
    const swapKb = i % 7;
    const swapPssKb = i % 5;
    const vssKb = 10_000 + i;
    const refused = i % 1000 === 999;
    const pidDir = join(root, String(pid));
    mkdirSync(pidDir);
    writeFileSync(join(pidDir, 'stat'), statLine(pid, comm, i, vssKb * KIB, Math.floor(rssKb / 4)));
    writeFileSync(join(pidDir, 'status'), statusText(pid, comm, uid, { vssKb, rssKb, anonKb: privateDirtyKb, swapKb }));
    writeFileSync(join(pidDir, 'cmdline'), `/usr/bin/${comm}\0--index\0${i}\0`);
    if (!refused) {
      writeFileSync(join(pidDir, 'smaps_rollup'), rollupText({
        Rss: rssKb, Pss: pssKb, Shared_Clean: rssKb - privateDirtyKb - privateCleanKb, Shared_Dirty: 0,
        Private_Clean: privateCleanKb, Private_Dirty: privateDirtyKb, Swap: swapKb, SwapPss: swapPssKb, Locked: 0, Anonymous: privateDirtyKb,
      }));
    }
    processes.push({
      pid, comm, uid, vssBytes: vssKb * KIB, rssBytes: rssKb * KIB, shrBytes: (rssKb - privateDirtyKb) * KIB,
      pssBytes: refused ? null : pssKb * KIB,
      ussBytes: refused ? null : (privateCleanKb + privateDirtyKb) * KIB,
      swapBytes: swapKb * KIB,
      swapPssBytes: refused ? null : swapPssKb * KIB,
    });
  }
  return { root, processes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
