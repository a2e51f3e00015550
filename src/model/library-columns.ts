/** The columns of `memtop libs` (and the Libraries view): one row per mapped file. */
import type { Column } from './column.js';
import type { LibraryRow } from './library-rows.js';

type L = LibraryRow;

function bytes(id: string, title: string, description: string, get: (row: L) => number): Column<L> {
  return {
    id, title, description, width: 7, align: 'right', kind: 'bytes', needs: ['rollup'], descendingByDefault: true,
    value: get, aggregate: 'sum', json: { name: `${id}Bytes` },
  };
}

export const LIBRARY_COLUMNS: readonly Column<L>[] = [
  { id: 'procs', title: 'PROCS', description: 'Processes mapping the file', width: 5, align: 'right', kind: 'integer', needs: ['rollup'], descendingByDefault: true, value: (r) => r.processes, json: { name: 'processes' } },
  bytes('size', 'SIZE', 'Mapped size, summed over the processes', (r) => r.sizeBytes),
  bytes('rss', 'RSS', 'Resident, summed over the processes (over-counts: each counts its shared pages in full)', (r) => r.rssBytes),
  bytes('pss', 'PSS', 'Proportional: summed over the processes, the file\'s resident pages counted once', (r) => r.pssBytes),
  bytes('uss', 'USS', 'Private to one process (Private_Clean + Private_Dirty), summed', (r) => r.ussBytes),
  bytes('swap', 'SWAP', 'Swapped out, summed', (r) => r.swapBytes),
  { id: 'path', title: 'PATH', description: 'The mapped file', width: 0, align: 'left', kind: 'text', needs: ['rollup'], descendingByDefault: false, value: (r) => r.path, json: { name: 'path' } },
];

export const DEFAULT_LIBRARY_COLUMN_IDS = ['procs', 'rss', 'pss', 'uss', 'swap', 'path'];
