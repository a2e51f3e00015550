/**
 * --columns and --sort resolved against a column table, before anything is read, so that a typo
 * is a usage error (exit 2) naming the valid ids.
 */
import { ColumnListError, findColumn, parseColumnList, UnknownColumnError, type Column } from '../model/column.js';
import type { SortSpec } from '../model/sort-rows.js';
import { usageError } from './cli-error.js';

export function chooseColumns<Row>(all: readonly Column<Row>[], list: string | undefined, defaultIds: readonly string[]): Column<Row>[] {
  try {
    return parseColumnList(all, list ?? defaultIds.join(','));
  } catch (err) {
    if (err instanceof ColumnListError) throw usageError(`--columns: ${err.message}`);
    throw err;
  }
}

export function chooseSort<Row>(all: readonly Column<Row>[], id: string | undefined, defaultId: string, reverse = false): SortSpec<Row> {
  const column = findColumn(all, id ?? defaultId);
  if (column === undefined) throw usageError(`--sort: ${new UnknownColumnError(id ?? defaultId, all).message}`);
  return { column, descending: column.descendingByDefault !== reverse };
}
