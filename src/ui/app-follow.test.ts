import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, withHarness, type Harness } from '../../test/helpers/screen-harness.js';
import { copyTree } from '../../test/helpers/fixture-copy.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

function selectedPid(h: Harness): number {
  return Number(h.highlighted()[0]?.trim().split(/\s+/)[0]);
}

function pidsShown(h: Harness): number[] {
  return h.lines().slice(6).map((l) => /^ +(\d+) /.exec(l)?.[1]).filter((x): x is string => x !== undefined).map(Number);
}

/** The process's PSS in its smaps_rollup set to `kb`: as if it grew, or exec'd into something small. */
function setPss(root: string, pid: number, kb: number): void {
  const path = join(root, String(pid), 'smaps_rollup');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^Pss: +\d+ kB$/m, `Pss:${String(kb).padStart(15)} kB`));
}

test('the selection holds the top row until the user moves; then it follows its process; F toggles', async () => {
  const tree = copyTree(fixture);
  try {
    await withHarness(tree.root, async (h) => {
      await h.waitFor('total of 6 shown');
      const top = selectedPid(h);
      assert.equal(pidsShown(h)[0], top);
      assert.match(h.lines()[4], /holding row 1 \(F follows\)/);
      // The top process shrinks: it sinks in the list, and the selection stays on the top row.
      setPss(tree.root, top, 1);
      await h.tick();
      await h.waitFor((t) => pidsShown(h)[0] !== top && t.length > 0);
      assert.equal(selectedPid(h), pidsShown(h)[0], h.text());
      assert.notEqual(selectedPid(h), top);
      // The user moves to the second row: from now on that process is followed.
      await h.press(KEYS.down);
      const picked = selectedPid(h);
      assert.equal(picked, pidsShown(h)[1]);
      assert.match(h.lines()[4], new RegExp(`following ${picked} \\(F\\)`));
      setPss(tree.root, picked, 999_999);
      await h.tick();
      await h.waitFor(() => pidsShown(h)[0] === picked);
      assert.equal(selectedPid(h), picked, 'it went to the top, and the selection with it');
      // F: hold the row again; the process sinks, the selection stays on row 1.
      await h.press('F');
      await h.waitFor(/holding row 1 \(F follows\)/);
      setPss(tree.root, picked, 1);
      await h.tick();
      await h.waitFor(() => pidsShown(h)[0] !== picked);
      assert.equal(selectedPid(h), pidsShown(h)[0]);
      await h.press('F');
      await h.waitFor(new RegExp(`following ${pidsShown(h)[0]} \\(F\\)`));
    });
  } finally {
    tree.remove();
  }
});
