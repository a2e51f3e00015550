/** Checks of the compact smaps table against parseSmaps, shared by the unit and live tests. */
import assert from 'node:assert/strict';
import type { SmapsMapping } from '../../src/proc/smaps.js';
import { SmapsStreamParser } from '../../src/proc/smaps-stream.js';
import { COUNTER_SLOTS, TABLE_COUNTERS, counterAt, hexAt, textAt, type SmapsTable } from '../../src/proc/smaps-table.js';

/** The table says what parseSmaps says of every mapping: header fields and kept counters. */
export function assertSameAsParseSmaps(table: SmapsTable, mappings: SmapsMapping[], what: string): void {
  assert.equal(table.count, mappings.length, `${what}: mapping count`);
  mappings.forEach((m, i) => {
    const header = [hexAt(table, i, 0), hexAt(table, i, 1), textAt(table, i, 0), hexAt(table, i, 2), textAt(table, i, 1), textAt(table, i, 2), textAt(table, i, 3)];
    assert.deepEqual(header, [m.start, m.end, m.perms, m.offset, m.device, m.inode, m.path], `${what}: header of mapping ${i}`);
    for (let slot = 0; slot < COUNTER_SLOTS; slot++) {
      const key = TABLE_COUNTERS[slot];
      const expected = m.counters[key] ?? (key === 'Size' ? NaN : 0);
      assert.equal(counterAt(table, i, slot), expected, `${what}: ${key} of mapping ${i}`);
    }
  });
}

/** The same text pushed in chunks of `size` bytes (lines and UTF-8 sequences cut anywhere). */
export function tableInChunks(text: string, size: number): SmapsTable {
  const bytes = Buffer.from(text, 'utf8');
  const parser = new SmapsStreamParser();
  const chunk = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(chunk, 0, at, Math.min(bytes.length, at + size));
    parser.push(chunk, n);
  }
  return parser.finish();
}
