/**
 * A process whose first thread (the leader) called pthread_exit while others run on: stat shows
 * it as a zombie ("Zl"), and the files of /proc/PID that need its address space (smaps_rollup,
 * the memory lines of status) come back empty, but the process and its memory are there, shared
 * by every thread: /proc/PID/task/TID of a live thread shows them. ps and top show such a process
 * with no memory at all; memtop reads it through a live thread.
 */
import type { ProcFs } from '../proc/procfs.js';
import { isKernelThread, isZombie, type PidStat } from '../proc/pid-stat.js';

/**
 * Where to read a process's memory from, relative to the proc root: "PID", or "PID/task/TID"
 * for the first other thread when the leader is a zombie with threads left. Null when there is
 * no address space: a kernel thread, or a zombie with no other thread left.
 */
export function memoryDirOf(procfs: ProcFs, pid: number, stat: PidStat): string | null {
  if (isKernelThread(stat)) return null;
  if (!isZombie(stat)) return `${pid}`;
  if (stat.numThreads <= 1) return null;
  const other = procfs.listNames(`${pid}/task`).find((name) => name !== String(pid));
  return other === undefined ? null : `${pid}/task/${other}`;
}
