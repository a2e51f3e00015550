/**
 * The selection follows the selected thing, not its row: after a refresh or a re-sort the same
 * process (pid + start time) or mapping stays selected wherever it moved. When it is gone, the
 * selection stays on the same row index (clamped), as htop does. With following off (`follow:
 * false`, as the Processes view starts, before the user picks a row) the selection stays on its
 * row, whatever process comes to it.
 */

export interface Selection<Key> {
  key: Key | null;
  index: number;
  /** Follow the key (the default) or hold the row. */
  follow?: boolean;
}

/** The row index of the selected key in `rows`, or the old index clamped when it is gone or not followed. */
export function followSelection<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key,
  same: (a: Key, b: Key) => boolean, selection: Selection<Key>): Selection<Key> {
  const follow = selection.follow === undefined ? {} : { follow: selection.follow };
  if (rows.length === 0) return { key: selection.key, index: 0, ...follow };
  if (selection.key !== null && selection.follow !== false) {
    const wanted = selection.key;
    const found = rows.findIndex((row) => same(keyOf(row), wanted));
    if (found >= 0) return { key: wanted, index: found, ...follow };
  }
  const index = Math.max(0, Math.min(selection.index, rows.length - 1));
  return { key: keyOf(rows[index]), index, ...follow };
}
