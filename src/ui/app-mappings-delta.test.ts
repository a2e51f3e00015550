/**
 * The Mappings view's change since the mark, on a copy of the captured tree whose memhog smaps
 * is replaced by growhog's two real readings (test/fixtures/smaps-diff) between two ticks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, withHarness, type Harness } from '../../test/helpers/screen-harness.js';
import { copyTree } from '../../test/helpers/fixture-copy.js';
import { fixturesDir, procBasic } from '../../test/helpers/paths.js';

const reading = (name: string) => join(fixturesDir, 'smaps-diff', `growhog-${name}.smaps`);

/** Opens the Mappings of 3852 (its smaps: growhog before), then swaps in the reading after, and ticks. */
async function withGrowth(body: (h: Harness, grow: () => Promise<void>) => Promise<void>): Promise<void> {
  const tree = copyTree(procBasic);
  try {
    const smaps = join(tree.root, '3852', 'smaps');
    copyFileSync(reading('before'), smaps);
    await withHarness(tree.root, async (h) => {
      await h.waitFor('total of 6 shown');
      await h.press(KEYS.down, KEYS.enter);
      await h.waitFor('total of 29 maps');
      await body(h, async () => {
        copyFileSync(reading('after'), smaps);
        await h.tick();
        await h.waitFor(/\+8\.00M/);
      });
    });
  } finally {
    tree.remove();
  }
}

/** The table's rows (below the header, above the totals), trimmed. */
function rows(h: Harness): string[] {
  const lines = h.lines();
  const header = lines.findIndex((l) => l.startsWith('ADDRESS'));
  const total = lines.findIndex((l) => l.startsWith('total of'));
  return lines.slice(header + 1, total).map((l) => l.trimEnd()).filter((l) => l !== '');
}

test('ΔRSS and ΔUSS per mapping since the mark; sorted by ΔRSS the growth comes first, the gone mapping last', async () => {
  await withGrowth(async (h, grow) => {
    assert.ok(rows(h).every((r) => / 0 +0( |$)/.test(r)), 'nothing changed at the first reading');
    await grow();
    await h.press('>', '>');
    await h.waitFor(/▼ΔRSS/);
    const shown = rows(h);
    assert.match(shown[0], /rw-p +anon +16\.0M +16\.0M +16\.0M +16\.0M +\+16\.0M +\+16\.0M$/);
    assert.match(shown[1], /rw-p +heap +8\.13M +8\.01M .* \+8\.00M +\+8\.00M +\[heap\]$/);
    assert.match(shown[2], /rw-p +anon +2\.00M +2\.00M +2\.00M +2\.00M +\+2\.00M +\+2\.00M new$/);
    assert.match(shown.at(-1)!, /rw-p +anon +0B +0B +0B +0B +-1\.00M +-1\.00M gone$/);
    assert.equal(shown.filter((r) => / gone( |$)/.test(r)).length, 2, 'the region and its guard page');
    assert.match(h.lines()[4], /31 mappings · sort ΔRSS desc/);
    assert.match(h.text(), /total of 29 maps .* \+25\.0M +\+25\.0M/);
  });
});

test('m resets the mark: every Δ back to 0, the gone mappings leave; the footer names m', async () => {
  await withGrowth(async (h, grow) => {
    await grow();
    assert.match(h.text(), /mMark/);
    await h.press('m');
    await h.waitFor('mark reset: Δ counts from this reading');
    await h.waitFor((text) => !/\+8\.00M/.test(text));
    assert.ok(rows(h).every((r) => / 0 +0( |$)/.test(r) && !/ (new|gone)$/.test(r)), rows(h).join('\n'));
    assert.match(h.lines()[4], /29 mappings · sort PSS desc/);
  });
});

test('grouped (g): [anon] and [heap] carry the change of their mappings, sortable by Δ', async () => {
  await withGrowth(async (h, grow) => {
    await h.press('g');
    await h.waitFor('grouped by path');
    await grow();
    await h.press('>', '>');
    await h.waitFor(/▼ΔRSS/);
    const shown = rows(h);
    assert.match(shown[0], /^8 mappings +mixed +anon .* \+17\.0M +\+17\.0M +\[anon\]$/);
    assert.match(shown[1], / heap .* \+8\.00M +\+8\.00M +\[heap\]$/);
    const libc = shown.find((r) => r.endsWith('/usr/lib/x86_64-linux-gnu/libc.so.6'));
    assert.match(libc ?? '', / 0 +-16\.0K /, 'libc\'s pages became shared: its USS fell, its RSS did not');
  });
});
