import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSmaps } from '../proc/smaps.js';
import { addLibraries, type LibraryRow } from './library-rows.js';
import { procBasic } from '../../test/helpers/paths.js';

test('a real smaps capture: one row per file, a process counted once per file, anonymous memory left out', () => {
  const mappings = parseSmaps(readFileSync(join(procBasic, '3851', 'smaps'), 'latin1'));
  const table = new Map<string, LibraryRow>();
  addLibraries(table, '3851:1', mappings);
  addLibraries(table, '3852:1', mappings);
  const files = mappings.filter((m) => m.path.startsWith('/'));
  assert.ok(files.length > 0);
  assert.deepEqual([...table.keys()].sort(), [...new Set(files.map((m) => m.path))].sort());
  for (const row of table.values()) {
    assert.equal(row.processes, 2);
    const own = files.filter((m) => m.path === row.path);
    assert.equal(row.pssBytes, 2 * own.reduce((sum, m) => sum + (m.counters.Pss ?? 0), 0));
    assert.equal(row.rssBytes, 2 * own.reduce((sum, m) => sum + (m.counters.Rss ?? 0), 0));
  }
  assert.ok(![...table.keys()].some((p) => p.startsWith('[') || p === ''), 'no [heap], [stack] or anonymous rows');
});
