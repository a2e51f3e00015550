// Its own file, so its own process (node --test): no other test has loaded blessed-contrib here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KEYS, withHarness } from '../../test/helpers/screen-harness.js';
import { lineChartLoaded } from './line-chart-module.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

function contribFiles(): string[] {
  return Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/node_modules/blessed-contrib/'));
}

test('starting the UI and using the Processes view never loads blessed-contrib; the System view loads one widget file', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.tick();
    await h.press(KEYS.down, KEYS.down, '>', KEYS.f1);
    await h.waitFor('Help');
    await h.press(KEYS.escape, KEYS.f2);
    await h.waitFor('Views — Enter replaces');
    await h.press(KEYS.escape);
    await h.tick();
    await h.waitFor((t) => !t.includes('Views — Enter replaces'));
    assert.equal(lineChartLoaded(), false);
    assert.deepEqual(contribFiles(), [], 'no blessed-contrib file in the require cache');

    await h.press(KEYS.f2, KEYS.end, KEYS.enter);
    await h.waitFor('┌─ Memory,');
    assert.equal(lineChartLoaded(), true);
    const loaded = contribFiles().map((path) => path.replace(/.*\/node_modules\/blessed-contrib\//, ''));
    assert.ok(loaded.includes('lib/widget/charts/line.js'), loaded.join(' '));
    assert.ok(!loaded.includes('index.js'), 'the widget file, not the package index');
  });
});
