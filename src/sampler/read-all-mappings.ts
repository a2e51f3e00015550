/**
 * Every listed process's /proc/PID/smaps, one after another (the Libraries view and `memtop
 * libs`): the most expensive read memtop makes, never done by a tick. Each process's mappings
 * go to `onProcess` and are not kept, so memory stays at one process's worth. Kernel threads
 * have no mappings; refused (EACCES) and vanished processes are counted, not errors.
 */
import type { ProcFs } from '../proc/procfs.js';
import type { SmapsCounters } from '../proc/smaps-counters.js';
import { COUNTER_SLOTS, TABLE_COUNTERS, counterAt, textAt, type SmapsTable } from '../proc/smaps-table.js';
import { readMappings } from './read-mappings.js';

/** One mapping's path (untrusted) and counters in bytes: what a per-file sum needs. */
export interface MappedFile {
  path: string;
  counters: SmapsCounters;
}

/** The table's mappings as path and counters (text field 3 is the path). */
function mappedFiles(table: SmapsTable): MappedFile[] {
  const files: MappedFile[] = [];
  for (let i = 0; i < table.count; i++) {
    const counters: SmapsCounters = {};
    for (let slot = 0; slot < COUNTER_SLOTS; slot++) counters[TABLE_COUNTERS[slot]] = counterAt(table, i, slot);
    files.push({ path: textAt(table, i, 3), counters });
  }
  return files;
}

export interface AllMappingsCount {
  read: number;
  denied: number;
  gone: number;
}

export function readAllMappings(procfs: ProcFs, pids: readonly number[],
  onProcess: (pid: number, startTimeTicks: number, mappings: readonly MappedFile[]) => void,
  onProgress?: (done: number, total: number) => void): AllMappingsCount {
  const count: AllMappingsCount = { read: 0, denied: 0, gone: 0 };
  pids.forEach((pid, i) => {
    const outcome = readMappings(procfs, pid);
    if (outcome.kind === 'ok') {
      count.read++;
      if (!outcome.kernelThread) onProcess(pid, outcome.startTimeTicks, mappedFiles(outcome.mappings));
    } else if (outcome.kind === 'denied') count.denied++;
    else count.gone++;
    onProgress?.(i + 1, pids.length);
  });
  return count;
}
