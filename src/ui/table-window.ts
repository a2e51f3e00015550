/**
 * Which rows of a long table are drawn: only the visible window. The window scrolls as little
 * as needed to keep the selected row in view (as htop), and never past the end.
 */

/** The first visible row index after moving the selection to `selected`. */
export function scrollTop(top: number, selected: number, visibleRows: number, rowCount: number): number {
  if (visibleRows <= 0 || rowCount <= 0) return 0;
  let next = top;
  if (selected < next) next = selected;
  if (selected >= next + visibleRows) next = selected - visibleRows + 1;
  return Math.max(0, Math.min(next, rowCount - visibleRows));
}

/** A selection moved by `delta` rows, kept within the table. */
export function moveSelection(selected: number, delta: number, rowCount: number): number {
  if (rowCount <= 0) return 0;
  return Math.max(0, Math.min(selected + delta, rowCount - 1));
}
