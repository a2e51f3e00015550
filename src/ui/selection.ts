/**
 * The selection follows the selected thing, not its row: after a refresh or a re-sort the same
 * process (pid + start time) or mapping stays selected wherever it moved. When it is gone, the
 * selection stays on the same row index (clamped), as htop does.
 */

export interface Selection<Key> {
  key: Key | null;
  index: number;
}

/** The row index of the selected key in `rows`, or the old index clamped when it is gone. */
export function followSelection<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key,
  same: (a: Key, b: Key) => boolean, selection: Selection<Key>): Selection<Key> {
  if (rows.length === 0) return { key: selection.key, index: 0 };
  if (selection.key !== null) {
    const wanted = selection.key;
    const found = rows.findIndex((row) => same(keyOf(row), wanted));
    if (found >= 0) return { key: wanted, index: found };
  }
  const index = Math.max(0, Math.min(selection.index, rows.length - 1));
  return { key: keyOf(rows[index]), index };
}
