/**
 * Every listed process's /proc/PID/smaps, one after another (the Libraries view and `memtop
 * libs`): the most expensive read memtop makes, never done by a tick. Each process's mappings
 * go to `onProcess` and are not kept, so memory stays at one process's worth. Kernel threads
 * have no mappings; refused (EACCES) and vanished processes are counted, not errors.
 */
import type { ProcFs } from '../proc/procfs.js';
import type { SmapsMapping } from '../proc/smaps.js';
import { readMappings } from './read-mappings.js';

export interface AllMappingsCount {
  read: number;
  denied: number;
  gone: number;
}

export function readAllMappings(procfs: ProcFs, pids: readonly number[],
  onProcess: (pid: number, startTimeTicks: number, mappings: readonly SmapsMapping[]) => void,
  onProgress?: (done: number, total: number) => void): AllMappingsCount {
  const count: AllMappingsCount = { read: 0, denied: 0, gone: 0 };
  pids.forEach((pid, i) => {
    const outcome = readMappings(procfs, pid);
    if (outcome.kind === 'ok') {
      count.read++;
      if (!outcome.kernelThread) onProcess(pid, outcome.startTimeTicks, outcome.mappings);
    } else if (outcome.kind === 'denied') count.denied++;
    else count.gone++;
    onProgress?.(i + 1, pids.length);
  });
  return count;
}
