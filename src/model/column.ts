/**
 * A column, as htop's Process_fields: a stable id (used by --columns, --sort, CSV headers and
 * saved settings), a title, a description for the picker and help, a width and alignment, the
 * files its value needs, how to get the raw value (bytes, percent, text), its default sort
 * direction, how it aggregates over rows, its JSON name and its Prometheus metric. Headers,
 * sorting, the picker, CSV/JSON, totals, grouped rows and what the sampler reads all come from it.
 */
import type { ReadNeed } from '../sampler/read-needs.js';
import type { ProcessIdentity } from '../sampler/sample.js';
import type { Growth } from './process-history.js';

/** 'growth': bytes per minute, signed. 'delta': a change in bytes, signed. */
export type ValueKind = 'bytes' | 'percent' | 'integer' | 'text' | 'duration' | 'time' | 'growth' | 'delta';

/** How a column's values combine over many rows (a group, the totals): added, the largest, or not at all. */
export type Aggregate = 'sum' | 'max' | 'none';

/** A column's place in JSON output: its key, and its value when that is not the column's value. */
export interface JsonField<Row> {
  name: string;
  value?(row: Row): unknown;
}

/** The Prometheus metric a column becomes (one series per process): name and HELP text. */
export interface MetricField {
  name: string;
  help: string;
}

/** Values a column may need besides its row. */
export interface ColumnContext {
  memTotalBytes: number;
  nowEpochMs: number;
  /** The sample's monotonic time (Sample.monotonicMs): ages are measured against it. */
  sampleMonotonicMs?: number;
  /** A process's growth from the per-process history (the UI has one; a one-shot report has none). */
  growthOf?(identity: ProcessIdentity): Growth | null;
}

export interface Column<Row> {
  id: string;
  title: string;
  description: string;
  width: number;
  align: 'left' | 'right';
  kind: ValueKind;
  /** What the sampler must read for the value ('rollup' is smaps_rollup, the expensive one). */
  needs: readonly ReadNeed[];
  /** Largest first when sorting by it (sizes, CPU), else smallest first (names, PIDs). */
  descendingByDefault: boolean;
  value(row: Row, context: ColumnContext): number | string | null;
  /** A short mark before the cell's text (a suspected leak's "!"); the value itself is unchanged. */
  mark?(row: Row, context: ColumnContext): string;
  /** What to sort by when it is not the value shown (hex text of varying length: the offset). */
  sortValue?(row: Row, context: ColumnContext): number | string | null;
  /** How groups and totals combine the value; absent is 'none' (PID, names, start time). */
  aggregate?: Aggregate;
  /** Its key in JSON output; absent: JSON leaves it out (a figure derived from others). */
  json?: JsonField<Row>;
  metric?: MetricField;
}

/** The reads a set of columns needs (shown and sort columns): the sampler reads exactly these. */
export function columnNeeds(columns: Iterable<Column<any>>): Set<ReadNeed> {
  const needs = new Set<ReadNeed>();
  for (const column of columns) for (const need of column.needs) needs.add(need);
  return needs;
}

/** True when the column has a total or a group figure. */
export function isAggregated(column: Column<any>): boolean {
  return column.aggregate !== undefined && column.aggregate !== 'none';
}

/** Looks a column up by id, case-insensitively; undefined when there is none. */
export function findColumn<Row>(columns: readonly Column<Row>[], id: string): Column<Row> | undefined {
  const wanted = id.trim().toLowerCase();
  return columns.find((c) => c.id.toLowerCase() === wanted);
}

/**
 * Parses a comma-separated list of column ids; throws UnknownColumnError naming the valid ids,
 * or ColumnListError for a column named twice (a table with two PID columns is a typo).
 */
export function parseColumnList<Row>(columns: readonly Column<Row>[], list: string): Column<Row>[] {
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UnknownColumnError(list, columns);
  const chosen: Column<Row>[] = [];
  for (const id of ids) {
    const column = findColumn(columns, id);
    if (!column) throw new UnknownColumnError(id, columns);
    if (chosen.includes(column)) throw new ColumnListError(`column '${column.id}' is named twice`);
    chosen.push(column);
  }
  return chosen;
}

/** A column list that names no column, an unknown one, or one twice. */
export class ColumnListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ColumnListError';
  }
}

export class UnknownColumnError extends ColumnListError {
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
