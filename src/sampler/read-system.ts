/** The system part of a sample: meminfo, vmstat, /proc/stat, PSI memory, loadavg, uptime. */
import { failureReason, isFailure, SINGLE_READ_MAX_BYTES, type ProcFs } from '../proc/procfs.js';
import { parseMeminfo } from '../proc/meminfo.js';
import { parseVmstat } from '../proc/vmstat.js';
import { parseSystemStat } from '../proc/system-stat.js';
import { parsePressure } from '../proc/pressure.js';
import { parseLoadavg } from '../proc/loadavg.js';
import { parseUptime } from '../proc/uptime.js';
import type { SystemSample } from './sample.js';

/** Raised when the proc root holds no meminfo: not a /proc at all (a wrong --proc). */
export class NotAProcRootError extends Error {
  constructor(root: string, code: string) {
    super(`${root} does not look like a /proc file system (reading ${root}/meminfo: ${code})`);
    this.name = 'NotAProcRootError';
  }
}

/** The system files are a few KiB; a bigger one is not a proc file. */
const SYSTEM_FILE_MAX_BYTES = SINGLE_READ_MAX_BYTES;

export function readSystem(procfs: ProcFs): SystemSample {
  const meminfo = procfs.read('meminfo', SYSTEM_FILE_MAX_BYTES);
  if (isFailure(meminfo)) throw new NotAProcRootError(procfs.root, failureReason(meminfo));
  const text = (name: string) => {
    const result = procfs.read(name, SYSTEM_FILE_MAX_BYTES); // vmstat is multi-record: read to EOF
    return isFailure(result) ? null : result;
  };
  const vmstat = text('vmstat');
  const stat = text('stat');
  const pressure = text('pressure/memory');
  const loadavg = text('loadavg');
  const uptime = text('uptime');
  return {
    meminfo: parseMeminfo(meminfo),
    vmstat: vmstat === null ? {} : parseVmstat(vmstat),
    stat: parseSystemStat(stat ?? ''),
    pressure: pressure === null ? null : parsePressure(pressure),
    loadavg: loadavg === null ? null : parseLoadavg(loadavg),
    uptime: uptime === null ? null : parseUptime(uptime),
  };
}
