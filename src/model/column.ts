/**
 * A column, as htop's Process_fields: a stable id (used by --columns, --sort, CSV headers and
 * saved settings), a title, a description for the picker and help, a width and alignment, the
 * files its value needs, how to get the raw value (bytes, percent, text) and its default sort
 * direction. Headers, sorting, the picker, CSV/JSON and what the sampler reads all come from it.
 */

export type ValueKind = 'bytes' | 'percent' | 'integer' | 'text' | 'duration' | 'time';

/** What the sampler must read for a column: "detail" is smaps_rollup (the expensive one). */
export type Need = 'stat' | 'status' | 'detail' | 'cmdline';

/** Values a column may need besides its row. */
export interface ColumnContext {
  memTotalBytes: number;
  nowEpochMs: number;
  /** The sample's monotonic time (Sample.monotonicMs): ages are measured against it. */
  sampleMonotonicMs?: number;
}

export interface Column<Row> {
  id: string;
  title: string;
  description: string;
  width: number;
  align: 'left' | 'right';
  kind: ValueKind;
  needs: readonly Need[];
  /** Largest first when sorting by it (sizes, CPU), else smallest first (names, PIDs). */
  descendingByDefault: boolean;
  value(row: Row, context: ColumnContext): number | string | null;
  /** What to sort by when it is not the value shown (hex text of varying length: the offset). */
  sortValue?(row: Row, context: ColumnContext): number | string | null;
}

/** Looks a column up by id, case-insensitively; undefined when there is none. */
export function findColumn<Row>(columns: readonly Column<Row>[], id: string): Column<Row> | undefined {
  const wanted = id.trim().toLowerCase();
  return columns.find((c) => c.id.toLowerCase() === wanted);
}

/**
 * Parses a comma-separated list of column ids; throws UnknownColumnError naming the valid ids.
 */
export function parseColumnList<Row>(columns: readonly Column<Row>[], list: string): Column<Row>[] {
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UnknownColumnError(list, columns);
  return ids.map((id) => {
    const column = findColumn(columns, id);
    if (!column) throw new UnknownColumnError(id, columns);
    return column;
  });
}

export class UnknownColumnError extends Error {
  readonly validIds: string[];

  constructor(id: string, columns: readonly Column<unknown>[]) {
    const validIds = columns.map((c) => c.id);
    super(`unknown column '${id}'; valid columns: ${validIds.join(', ')}`);
    this.name = 'UnknownColumnError';
    this.validIds = validIds;
  }
}

/** Compares two raw values for sorting; unknown (null) values sort last in either direction. */
export function compareValues(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}
