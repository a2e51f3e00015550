/**
 * On a narrow terminal (80 columns is the documented minimum) the default columns leave the
 * command a few cells: the columns that matter least for "where did my memory go?" step aside,
 * in this order, until the command has MIN_COMMAND_CELLS (never the sort column, never PID or
 * the memory figures PSS/USS/RSS). They are hidden only while the terminal is that narrow.
 */
import type { Column } from '../../model/column.js';
import { layoutTable } from '../widgets/table-text.js';

export const MIN_COMMAND_CELLS = 24;
const STEP_ASIDE = ['shr', 'vss', 'swapPss', 'swap', 'mem', 'pssAge', 'start', 'threads', 'ppid', 'uid', 'user', 'cpu', 'comm'];

/** The columns to draw at this width, and the ones left out for it. */
export function columnsForWidth<Row>(columns: readonly Column<Row>[], width: number, sortId: string): { shown: Column<Row>[]; hidden: Column<Row>[] } {
  const commandCells = (list: readonly Column<Row>[]) => {
    const layout = layoutTable(list, width);
    const at = list.findIndex((c) => c.width === 0);
    return at < 0 ? Infinity : layout.widths[at];
  };
  let shown = [...columns];
  const hidden: Column<Row>[] = [];
  for (const id of STEP_ASIDE) {
    if (commandCells(shown) >= MIN_COMMAND_CELLS) break;
    const column = shown.find((c) => c.id === id);
    if (column === undefined || id === sortId) continue;
    shown = shown.filter((c) => c !== column);
    hidden.push(column);
  }
  return { shown, hidden };
}
