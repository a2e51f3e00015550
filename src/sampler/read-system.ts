/** The system part of a sample: meminfo, vmstat, /proc/stat, PSI memory, loadavg, uptime. */
import { failureReason, isFailure, SINGLE_READ_MAX_BYTES, type ProcFs } from '../proc/procfs.js';
import { meminfoProblem, parseMeminfo } from '../proc/meminfo.js';
import { parseVmstat } from '../proc/vmstat.js';
import { parseSystemStat } from '../proc/system-stat.js';
import { parsePressure } from '../proc/pressure.js';
import { parseLoadavg } from '../proc/loadavg.js';
import { parseUptime } from '../proc/uptime.js';
import { hidepidOf, type Hidepid } from '../proc/mountinfo.js';
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

/** The system files are a few KiB; a bigger one is not a proc file. */
const SYSTEM_FILE_MAX_BYTES = SINGLE_READ_MAX_BYTES;

/** Per proc root: a mount table can be long (hundreds of mounts on a container host), and a remount is rare. */
const HIDEPID_OF_ROOT = new WeakMap<ProcFs, Hidepid | null>();

/** Whether the root is mounted with hidepid, from our own mount table (a copy of /proc has none): read once per ProcFs. */
function hidepidOfRoot(procfs: ProcFs): Hidepid | null {
  let hidepid = HIDEPID_OF_ROOT.get(procfs);
  if (hidepid === undefined) {
    const mountinfo = procfs.read('self/mountinfo');
    hidepid = isFailure(mountinfo) ? null : hidepidOf(mountinfo, procfs.root);
    HIDEPID_OF_ROOT.set(procfs, hidepid);
  }
  return hidepid;
}

export function readSystem(procfs: ProcFs): SystemSample {
  const meminfo = procfs.read('meminfo', SYSTEM_FILE_MAX_BYTES);
  if (isFailure(meminfo)) throw new NotAProcRootError(procfs.root, failureReason(meminfo));
  const parsedMeminfo = parseMeminfo(meminfo);
  const problem = meminfoProblem(parsedMeminfo);
  if (problem !== null) throw new MeaninglessMeminfoError(procfs.root, problem);
  const text = (name: string) => {
    const result = procfs.read(name, SYSTEM_FILE_MAX_BYTES); // vmstat is multi-record: read to EOF
    return isFailure(result) ? null : result;
  };
  const vmstat = text('vmstat');
  const stat = text('stat');
  const pressure = text('pressure/memory');
  const loadavg = text('loadavg');
  const uptime = text('uptime');
  const hidepid = hidepidOfRoot(procfs);
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
