/**
 * The mapping columns with the change since the mark (memtop maps --diff, the Mappings view):
 * every column of MAPPING_COLUMNS (its figures now), whether the mapping is new or gone, and
 * the signed change of its size, RSS, PSS, USS and swap, in bytes.
 */
import type { Column } from './column.js';
import { MAPPING_COLUMNS } from './mapping-columns.js';
import type { MappingDeltaRow } from './mapping-delta-row.js';

type D = MappingDeltaRow;

function delta(id: string, title: string, description: string, get: (d: D) => number): Column<D> {
  return { id, title, description, width: 6, align: 'right', kind: 'delta', needs: [], descendingByDefault: true, value: get, aggregate: 'sum', json: { name: id } };
}

export const CHANGE_COLUMN: Column<D> = {
  id: 'change', title: 'CHG', description: 'new: not there at the mark; gone: unmapped since (its figures now are 0)',
  width: 4, align: 'left', kind: 'text', needs: [], descendingByDefault: false,
  value: (d) => (d.change === 'kept' ? '' : d.change), json: { name: 'change', value: (d) => d.change },
};

export const DELTA_COLUMNS: readonly Column<D>[] = [
  CHANGE_COLUMN,
  delta('dsize', 'ΔSIZE', 'Change of the virtual size since the mark', (d) => d.sizeDeltaBytes),
  delta('drss', 'ΔRSS', 'Change of RSS since the mark', (d) => d.rssDeltaBytes),
  delta('dpss', 'ΔPSS', 'Change of PSS since the mark', (d) => d.pssDeltaBytes),
  delta('duss', 'ΔUSS', 'Change of USS (private resident) since the mark', (d) => d.ussDeltaBytes),
  delta('dswap', 'ΔSWAP', 'Change of swap since the mark', (d) => d.swapDeltaBytes),
];

/** MAPPING_COLUMNS (the figures now) and the change columns, ids all distinct. */
export const MAPPING_DELTA_COLUMNS: readonly Column<D>[] = [...(MAPPING_COLUMNS as readonly Column<D>[]), ...DELTA_COLUMNS];
