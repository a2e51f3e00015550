/** The system part of a sample: meminfo, vmstat, /proc/stat, PSI memory, loadavg, uptime. */
import { isFailure, type ProcFs } from '../proc/procfs.js';
import { meminfoProblem, parseMeminfo } from '../proc/meminfo.js';
import { parseVmstat } from '../proc/vmstat.js';
import { parseSystemStat } from '../proc/system-stat.js';
import { parsePressure } from '../proc/pressure.js';
import { parseLoadavg } from '../proc/loadavg.js';
import { parseUptime } from '../proc/uptime.js';
import { hidepidOf } from '../proc/mountinfo.js';
import type { SystemSample } from './sample.js';

/** Raised when the proc root holds no meminfo: not a /proc at all (a wrong --proc). */
export class NotAProcRootError extends Error {
  constructor(root: string, code: string) {
    super(`${root} does not look like a /proc file system (reading ${root}/meminfo: ${code})`);
    this.name = 'NotAProcRootError';
  }
}

/** Raised when meminfo is there but cannot describe memory (no MemTotal): every figure would be invented. */
export class MeaninglessMeminfoError extends Error {
  constructor(root: string, problem: string) {
    super(`${root}/meminfo ${problem}: memory figures would be meaningless`);
    this.name = 'MeaninglessMeminfoError';
  }
}

export function readSystem(procfs: ProcFs): SystemSample {
  const meminfo = procfs.read('meminfo');
  if (isFailure(meminfo)) throw new NotAProcRootError(procfs.root, meminfo.code);
  const parsedMeminfo = parseMeminfo(meminfo);
  const problem = meminfoProblem(parsedMeminfo);
  if (problem !== null) throw new MeaninglessMeminfoError(procfs.root, problem);
  const text = (name: string) => {
    const result = procfs.read(name); // vmstat is multi-record: read to EOF
    return isFailure(result) ? null : result;
  };
  const vmstat = text('vmstat');
  const stat = text('stat');
  const pressure = text('pressure/memory');
  const loadavg = text('loadavg');
  const uptime = text('uptime');
  // Our own mount table (a copy of /proc has none): is the root mounted with hidepid?
  const mountinfo = text('self/mountinfo');
  const hidepid = mountinfo === null ? null : hidepidOf(mountinfo, procfs.root);
  return {
    ...(hidepid !== null && { hidepid }),
    meminfo: parsedMeminfo,
    vmstat: vmstat === null ? {} : parseVmstat(vmstat),
    stat: parseSystemStat(stat ?? ''),
    pressure: pressure === null ? null : parsePressure(pressure),
    loadavg: loadavg === null ? null : parseLoadavg(loadavg),
    uptime: uptime === null ? null : parseUptime(uptime),
  };
}
