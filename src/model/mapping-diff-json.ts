/**
 * The JSON of `memtop maps PID --diff SECONDS`: { pid, comm, seconds, mappings: [...], totals },
 * each mapping as in `memtop maps --json` (its figures at the second reading) with "change"
 * ("new", "gone" or "kept") and the signed changes in bytes (dsize, drss, dpss, duss, dswap).
 */
import type { ColumnContext } from './column.js';
import { DELTA_COLUMNS } from './mapping-delta-columns.js';
import type { MappingDeltaRow } from './mapping-delta-row.js';
import { mappingJson, type MappingJson, type MappingSizesJson } from './mappings-json.js';

export interface MappingDeltasJson {
  change: 'new' | 'gone' | 'kept';
  dsize: number;
  drss: number;
  dpss: number;
  duss: number;
  dswap: number;
}

export interface MappingsDiffJson {
  pid: number;
  comm: string;
  /** The time between the starts of the two readings. */
  seconds: number;
  mappings: (MappingJson & MappingDeltasJson)[];
  /** Every mapping's figures at the second reading and their change, not only the rows listed. */
  totals: MappingSizesJson & Omit<MappingDeltasJson, 'change'> & { count: number };
}

const NO_CONTEXT: ColumnContext = { memTotalBytes: 0, nowEpochMs: 0 };

function deltasJson(row: MappingDeltaRow): MappingDeltasJson {
  const fields: Record<string, unknown> = {};
  for (const column of DELTA_COLUMNS) fields[column.json!.name] = column.json!.value ? column.json!.value(row) : column.value(row, NO_CONTEXT);
  return fields as unknown as MappingDeltasJson;
}

export function mappingDeltaJson(row: MappingDeltaRow, grouped: boolean): MappingJson & MappingDeltasJson {
  return { ...mappingJson(row, grouped), ...deltasJson(row) };
}

export function mappingsDiffJson(pid: number, comm: string, seconds: number, rows: readonly MappingDeltaRow[], total: MappingDeltaRow, grouped: boolean): MappingsDiffJson {
  const { change: _change, ...totalDeltas } = deltasJson(total);
  const sizes = mappingJson(total, false);
  const { size, rss, pss, uss, shared, dirty, swap, swapPss, locked } = sizes;
  return {
    pid, comm, seconds, mappings: rows.map((row) => mappingDeltaJson(row, grouped)),
    totals: { count: total.count, size, rss, pss, uss, shared, dirty, swap, swapPss, locked, ...totalDeltas },
  };
}
