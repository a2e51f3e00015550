/**
 * The kernel's base page size (4 KiB on x86-64; 16 or 64 KiB on some arm64 and ppc64 systems),
 * needed to turn page counts (/proc/vmstat pswpin/pswpout) into bytes. Node has no sysconf, so
 * it is read from the KernelPageSize line of our own smaps; a fixture tree without "self"
 * gets 4096.
 */
import { isFailure, type ProcFs } from '../proc/procfs.js';

export const DEFAULT_PAGE_SIZE_BYTES = 4096;

export function detectPageSizeBytes(procfs: ProcFs): number {
  const smaps = procfs.read('self/smaps');
  if (isFailure(smaps)) return DEFAULT_PAGE_SIZE_BYTES;
  const match = /^KernelPageSize:\s+(\d+) kB$/m.exec(smaps);
  return match ? Number(match[1]) * 1024 : DEFAULT_PAGE_SIZE_BYTES;
}
