/**
 * The JSON of `memtop maps PID --json`: { pid, comm, mappings: [...], totals: {...} }, sizes in
 * bytes, paths exactly as the kernel printed them. Grouped rows (--group path) carry "count",
 * the number of mappings they sum; so do the totals.
 */
import type { ColumnContext } from './column.js';
import { MAPPING_SIZE_COLUMNS } from './mapping-columns.js';
import type { MappingRow } from './mapping-row.js';
import type { SmapsMapping } from '../proc/smaps.js';

/** The size columns' JSON fields (mapping-columns.ts writes them), in bytes. */
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

/** Mapping columns read nothing but their row. */
const NO_CONTEXT: ColumnContext = { memTotalBytes: 0, nowEpochMs: 0 };

function inodeJson(inode: string): number | string {
  const value = Number(inode);
  return Number.isSafeInteger(value) ? value : inode;
}

function sizesJson(m: MappingRow): MappingSizesJson {
  const sizes: Record<string, number> = {};
  for (const column of MAPPING_SIZE_COLUMNS) sizes[column.json!.name] = column.value(m, NO_CONTEXT) as number;
  return sizes as unknown as MappingSizesJson;
}

export function mappingJson(m: MappingRow, withCount: boolean): MappingJson {
  const json = {
    start: m.start, end: m.end, perms: m.perms, offset: m.offset, device: m.device, inode: inodeJson(m.inode),
    path: m.path, kind: m.kind, ...sizesJson(m),
  } as MappingJson;
  if (withCount) json.count = m.count;
  return json;
}

export function mappingsJson(pid: number, comm: string, rows: readonly MappingRow[], total: MappingRow, grouped: boolean): MappingsJson {
  return { pid, comm, mappings: rows.map((m) => mappingJson(m, grouped)), totals: { count: total.count, ...sizesJson(total) } };
}
