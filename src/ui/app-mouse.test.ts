import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { withHarness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('mouse: a click on a title sorts (again: inverts), a click on a row selects, the wheel scrolls', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.mouse('click', 4, 5); // "PID" in the table's title line (screen row 5)
    await h.waitFor(/▲PID/);
    await h.mouse('click', 4, 5);
    await h.waitFor(/▼PID/);
    await h.mouse('click', 20, 8); // the third row
    assert.match(h.highlighted()[0], /^ +3853 /);
    await h.mouse('wheeldown', 20, 10);
    assert.match(h.highlighted()[0], /^ +1 /);
    await h.mouse('wheelup', 20, 10);
    assert.match(h.highlighted()[0], /^ +3853 /);
  });
});

test('--no-mouse: clicks are ignored', async () => {
  await withHarness(fixture, { mouse: false }, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.mouse('click', 4, 5);
    await h.mouse('click', 20, 8);
    assert.match(h.lines()[5], /▼PSS/);
    assert.match(h.highlighted()[0], /^ +3853 /);
  });
});
