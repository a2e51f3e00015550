/**
 * The Mappings view's change since the mark in a real terminal, with a real helper
 * (test/helpers/growhog.c) that grows [heap] by 8 MiB and fills 16 MiB of an anonymous mapping
 * after the view opened: sorted by ΔRSS, exactly those two rows show a change above 64 KiB;
 * m resets the mark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { startGrowhog } from '../helpers/grow-helpers.js';

const KIB = 1024;
const UNITS: Record<string, number> = { B: 1, K: KIB, M: KIB * KIB, G: KIB * KIB * KIB };

/** The signed figures of a row (only the Δ columns are signed), in bytes. */
function changesOf(row: string): number[] {
  return [...row.matchAll(/ ([+-]\d+(?:\.\d+)?)([BKMG]) /g)].map((m) => Number(m[1]) * UNITS[m[2]]);
}

/** The table's rows: below the header, above the totals. */
function tableRows(screen: string): string[] {
  const lines = screen.split('\n');
  const header = lines.findIndex((l) => l.startsWith('ADDRESS'));
  const total = lines.findIndex((l) => l.startsWith('total of'));
  return lines.slice(header + 1, total).filter((l) => l.trim() !== '').map((l) => `${l} `);
}

test('Mappings view: the heap\'s +8 MiB and the region\'s +16 MiB are the only changes above 64 KiB; m resets the mark', { timeout: 90_000 }, async (t) => {
  const hog = await startGrowhog(8, 16);
  t.after(() => hog.stop());
  const tmux = new Tmux(memtopCommand(['--delay', '0.5', '--pid', String(hog.pid)]));
  try {
    await tmux.waitFor(/total of 1 shown/, 30_000);
    tmux.send('Enter');
    await tmux.waitForAll([/Δ since the mark, taken \d+s ago at \d\d:\d\d:\d\d · m resets the mark/, /^total of \d+ maps/m]);
    await hog.grow();
    tmux.send('>');
    tmux.send('>');
    const screen = await tmux.waitForAll([/▼ΔRSS/, /\+16\.0M/, /\+8\.00M/], 30_000);
    const rows = tableRows(screen);
    assert.match(rows[0], new RegExp(`^${hog.regionStart}-\\S+ +rw-p +anon .* \\+16\\.0M +\\+16\\.0M +\\+16\\.0M `), screen);
    assert.match(rows[1], new RegExp(`^${hog.heapStart}-\\S+ +rw-p +heap .* \\+8\\.00M +\\+8\\.00M +\\+8\\.00M .*\\[heap\\]`), screen);
    for (const row of rows.slice(2)) {
      assert.ok(changesOf(row).every((bytes) => Math.abs(bytes) <= 64 * KIB), `nothing else changed by more than 64 KiB: ${row}`);
    }
    const later = await tmux.waitFor(/taken ([2-9]|\d\d+)s ago/, 15_000);
    assert.match(later, /\+16\.0M/, 'the mark stays while time passes');
    tmux.send('m');
    const reset = await tmux.waitFor((s) => s.includes('mark reset') && !/\+16\.0M|\+8\.00M/.test(s), 15_000);
    assert.ok(tableRows(reset).every((row) => changesOf(row).every((bytes) => Math.abs(bytes) <= 64 * KIB)), reset);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
