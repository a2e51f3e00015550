/**
 * The charge of each cgroup the sample's processes are in, read from the cgroup filesystem when
 * the cgroup need is on (the Containers view is open, or --group cgroup): one read set per
 * distinct cgroup, not per process.
 */
import { ProcFs } from '../proc/procfs.js';
import { readCgroupCharge } from '../proc/cgroup-charge-reader.js';
import type { CgroupCharge } from '../proc/cgroup-memory.js';
import type { ProcessSample } from './sample.js';

/** Where the cgroup filesystem is: $MEMTOP_CGROUP_ROOT, else /sys/fs/cgroup for the real /proc, else none. */
export function cgroupRootFor(procRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MEMTOP_CGROUP_ROOT) return env.MEMTOP_CGROUP_ROOT;
  return procRoot === '/proc' || procRoot === '/proc/' ? '/sys/fs/cgroup' : null;
}

/** The cgroup filesystem for a proc root, or null when none is known. */
export function openCgroupFs(procRoot: string, env: NodeJS.ProcessEnv = process.env): ProcFs | null {
  const root = cgroupRootFor(procRoot, env);
  return root === null ? null : new ProcFs(root);
}

export function readCgroupCharges(fs: ProcFs, processes: readonly ProcessSample[]): CgroupCharge[] {
  const paths = new Set<string>();
  for (const p of processes) if (p.cgroupPath !== null) paths.add(p.cgroupPath);
  const charges: CgroupCharge[] = [];
  for (const path of paths) {
    const charge = readCgroupCharge(fs, path);
    if (charge) charges.push(charge);
  }
  return charges;
}
