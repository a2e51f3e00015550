/**
 * The JSON of `memtop maps PID --json`: { pid, comm, mappings: [...], totals: {...} }, sizes in
 * bytes, paths exactly as the kernel printed them. Grouped rows (--group path) carry "count",
 * the number of mappings they sum; so do the totals.
 */
import type { MappingRow } from './mapping-row.js';
import type { SmapsMapping } from '../proc/smaps.js';

export interface MappingSizesJson {
  size: number;
  rss: number;
  pss: number;
  uss: number;
  shared: number;
  dirty: number;
  swap: number;
  swapPss: number;
  locked: number;
}

/** The smaps header fields as smaps prints them, the kind, and the sizes. */
export interface MappingJson extends MappingSizesJson, Pick<SmapsMapping, 'start' | 'end' | 'perms' | 'offset' | 'device' | 'path'> {
  /** A number; its decimal digits as a string beyond 2^53, where a JSON number would be rounded. */
  inode: number | string;
  kind: string;
  count?: number;
}

export interface MappingsJson {
  pid: number;
  comm: string;
  mappings: MappingJson[];
  totals: MappingSizesJson & { count: number };
}

function inodeJson(inode: string): number | string {
  const value = Number(inode);
  return Number.isSafeInteger(value) ? value : inode;
}

export function mappingJson(m: MappingRow, withCount: boolean): MappingJson {
  const json: MappingJson = {
    start: m.start, end: m.end, perms: m.perms, offset: m.offset, device: m.device, inode: inodeJson(m.inode),
    path: m.path, kind: m.kind, size: m.sizeBytes, rss: m.rssBytes, pss: m.pssBytes, uss: m.ussBytes,
    shared: m.sharedBytes, dirty: m.dirtyBytes, swap: m.swapBytes, swapPss: m.swapPssBytes, locked: m.lockedBytes,
  };
  if (withCount) json.count = m.count;
  return json;
}

export function mappingsJson(pid: number, comm: string, rows: readonly MappingRow[], total: MappingRow, grouped: boolean): MappingsJson {
  return {
    pid,
    comm,
    mappings: rows.map((m) => mappingJson(m, grouped)),
    totals: {
      count: total.count, size: total.sizeBytes, rss: total.rssBytes, pss: total.pssBytes, uss: total.ussBytes,
      shared: total.sharedBytes, dirty: total.dirtyBytes, swap: total.swapBytes, swapPss: total.swapPssBytes, locked: total.lockedBytes,
    },
  };
}
