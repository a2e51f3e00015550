/** Where a movement key takes the selection of a table: the row index, or null for other keys. */
import type { Action } from './key-table.js';

export function navigationTarget(action: Action, index: number, pageRows: number, rowCount: number): number | null {
  switch (action) {
    case 'up': return index - 1;
    case 'down': return index + 1;
    case 'pageUp': return index - pageRows;
    case 'pageDown': return index + pageRows;
    case 'home': return 0;
    case 'end': return rowCount - 1;
    default: return null;
  }
}
