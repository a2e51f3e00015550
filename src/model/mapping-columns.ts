/**
 * The one table of mapping columns (memtop maps, the Mappings view): ids are stable. Their values
 * come from one process's /proc/PID/smaps, read while a mappings report or view is open, so
 * they need no per-process read of every process.
 */
import type { Column } from './column.js';
import type { MappingRow } from './mapping-row.js';

type M = MappingRow;

/** A size: summed in grouped rows and totals, and a JSON field of its own (its id, in bytes). */
function bytes(id: string, title: string, description: string, get: (m: M) => number): Column<M> {
  return { id, title, description, width: 6, align: 'right', kind: 'bytes', needs: [], descendingByDefault: true, value: get, aggregate: 'sum', json: { name: id } };
}

function text(id: string, title: string, description: string, width: number, get: (m: M) => string | number): Column<M> {
  return { id, title, description, width, align: 'left', kind: 'text', needs: [], descendingByDefault: false, value: get };
}

/** Address text padded to 16 hex digits, so that text order is address order (as pmap prints). */
function address(m: M): string {
  return m.start === '' ? '' : `${m.start.padStart(16, '0')}-${m.end.padStart(16, '0')}`;
}

export const MAPPING_COLUMNS: readonly Column<M>[] = [
  text('address', 'ADDRESS', 'Start-end of the mapping (hex)', 33, address),
  text('perms', 'PERMS', 'r/w/x and p(rivate) or s(hared)', 5, (m) => m.perms),
  { ...text('offset', 'OFFSET', 'Offset into the file (hex)', 8, (m) => m.offset), sortValue: (m) => m.offset.padStart(16, '0') },
  text('device', 'DEVICE', 'major:minor of the file', 6, (m) => m.device),
  // Decimal text as the kernel prints it (exact beyond 2^53), sorted by value.
  { id: 'inode', title: 'INODE', description: 'Inode of the file', width: 9, align: 'right', kind: 'text', needs: [], descendingByDefault: false, value: (m) => m.inode, sortValue: (m) => m.inode.padStart(20, '0') },
  text('kind', 'KIND', 'heap, stack, anon, file, shmem or vdso', 5, (m) => m.kind),
  { id: 'count', title: 'MAPS', description: 'Number of mappings in the row', width: 4, align: 'right', kind: 'integer', needs: [], descendingByDefault: true, value: (m) => m.count },
  bytes('size', 'SIZE', 'Virtual size of the mapping', (m) => m.sizeBytes),
  bytes('rss', 'RSS', 'Resident', (m) => m.rssBytes),
  bytes('pss', 'PSS', 'Proportional resident share', (m) => m.pssBytes),
  bytes('uss', 'USS', 'Private resident (Private_Clean + Private_Dirty)', (m) => m.ussBytes),
  bytes('shared', 'SHARED', 'Shared resident (Shared_Clean + Shared_Dirty)', (m) => m.sharedBytes),
  bytes('dirty', 'DIRTY', 'Dirty resident (Shared_Dirty + Private_Dirty)', (m) => m.dirtyBytes),
  bytes('swap', 'SWAP', 'Swapped out', (m) => m.swapBytes),
  bytes('swapPss', 'SWPSS', 'Swapped out, divided among sharers', (m) => m.swapPssBytes),
  bytes('locked', 'LOCKED', 'Locked in memory (mlock)', (m) => m.lockedBytes),
  text('path', 'PATH', 'File, [heap], [stack], [vdso], [anon:name], or empty for anonymous memory', 0, (m) => m.path),
];

/** The size columns (SIZE … LOCKED), in table order: each a JSON field of every mapping and of the totals. */
export const MAPPING_SIZE_COLUMNS: readonly Column<M>[] = MAPPING_COLUMNS.filter((c) => c.kind === 'bytes');
