import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KEYS, withHarness, type Harness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const BRAILLE = /[\u2800-\u28ff]/;
const BODY_TOP = 5; // four header rows and the breadcrumb bar

/** The chart's rows: from its top border (with the title) to its bottom border. */
function chartRows(h: Harness): { top: number; bottom: number } {
  const lines = h.lines();
  const top = lines.findIndex((l) => l.startsWith('┌─ Memory,'));
  const bottom = lines.findIndex((l, y) => y > top && l.startsWith('└'));
  assert.ok(top >= 0 && bottom > top, `a chart on screen:\n${lines.join('\n')}`);
  return { top, bottom };
}

/** Palette colours of the braille cells in these rows ('default' for the terminal's own). */
function brailleColours(h: Harness, from: number, to: number): Set<number | 'default'> {
  const colours = new Set<number | 'default'>();
  const buffer = h.term.buffer.active;
  for (let y = from; y <= to; y++) {
    const line = buffer.getLine(buffer.viewportY + y)!;
    for (let x = 0; x < h.term.cols; x++) {
      const cell = line.getCell(x)!;
      if (BRAILLE.test(cell.getChars())) colours.add(cell.isFgDefault() ? 'default' : cell.getFgColor());
    }
  }
  return colours;
}

async function openSystem(h: Harness): Promise<string> {
  await h.press(KEYS.f2, KEYS.end, KEYS.enter);
  return h.waitFor('┌─ Memory,');
}

test('the System view draws a blessed-contrib line chart of used and buff/cache over the samples, pinned above the text', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.tick();
    await h.tick();
    const text = await openSystem(h);
    const { top, bottom } = chartRows(h);
    assert.equal(top, BODY_TOP, 'the chart takes the top rows of the view');
    assert.equal(bottom - top + 1, 15, '45 % of a 34-row area');
    const lines = text.split('\n');
    assert.match(lines[top], /^┌─ Memory, MiB \(last 3 samples, \d+s\) {2}━ used \d+M {2}━ buff\/cache \d+M ─+┐$/);
    assert.doesNotMatch(lines[top], /swap/, 'no swap on this machine: no swap line');
    assert.match(lines.slice(top, bottom).join('\n'), /^│ +\d+ ?⡇/m, 'y labels in whole MiB beside the axis');
    assert.ok(lines.slice(top + 1, bottom).some((l) => /now/.test(l)), 'x labels: time before the newest sample');
    const colours = brailleColours(h, top, bottom);
    assert.ok(colours.has(2), 'the used line, green');
    assert.ok(colours.has(3), 'the buff/cache line, yellow');
    assert.equal(lines[bottom + 1], 'Memory (free, human units)', 'the text starts below the chart');
    assert.ok(lines.slice(bottom + 1).every((l) => !BRAILLE.test(l)), 'no chart cells outside its rows');

    await h.press(KEYS.end);
    const scrolled = await h.waitFor(/DirectMap|Hugepagesize/);
    assert.deepEqual(chartRows(h), { top, bottom }, 'the chart stays pinned while the text scrolls');
    assert.doesNotMatch(scrolled, /Memory \(free/);
    assert.match(scrolled.split('\n')[bottom + 1], /^\S+ +\S+ +\d+ kB|^\S+ +\d+ /, 'meminfo fields right below it, nothing under it');

    await h.tick();
    await h.waitFor(/last 4 samples/);
    await h.press(KEYS.f2);
    const picker = await h.waitFor('Views — Enter replaces');
    assert.match(picker, /System +meminfo/, 'a dialog draws over the chart');
    await h.press(KEYS.home, KEYS.enter);
    const processes = await h.waitFor((t) => t.includes('total of 6 shown') && !t.includes('Memory,'));
    assert.doesNotMatch(processes, BRAILLE, 'back on Processes the chart is gone from the screen');

    await openSystem(h);
    assert.ok(brailleColours(h, BODY_TOP, BODY_TOP + 14).has(2), 'the chart comes back');
  });
});

test('the chart follows resizes, is gone while the terminal is too small, and leaves with Backspace', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.tick();
    await openSystem(h);
    await h.resize(80, 24);
    await h.waitFor((t) => t.split('\n')[BODY_TOP]?.length === 80 && t.split('\n')[BODY_TOP].endsWith('┐'));
    const { top, bottom } = chartRows(h);
    assert.equal(bottom - top + 1, 10, 'the smallest chart in an 18-row area');
    assert.ok(h.lines().every((l) => l.length <= 80));
    assert.ok(brailleColours(h, top, bottom).has(2));
    assert.equal(h.lines()[bottom + 1], 'Memory (free, human units)');
    await h.resize(60, 20);
    const small = await h.waitFor('terminal too small');
    assert.doesNotMatch(small, BRAILLE, 'nothing of the chart while the terminal is too small');
    await h.resize(120, 40);
    await h.waitFor((t) => t.split('\n')[BODY_TOP]?.length === 120 && t.split('\n')[BODY_TOP].endsWith('┐'));
    assert.equal(chartRows(h).bottom - BODY_TOP + 1, 15);
    // System replaced Processes (F2): Backspace says it is the first view; the chart stays.
    await h.press(KEYS.backspace);
    await h.waitFor('this is the first view');
    assert.ok(brailleColours(h, BODY_TOP, BODY_TOP + 14).has(2));
  });
});

test('--no-color: the chart is drawn in the terminal\'s own colour, the legend without colour marks', async () => {
  await withHarness(fixture, { color: false }, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.tick();
    const text = await openSystem(h);
    const { top, bottom } = chartRows(h);
    assert.match(text.split('\n')[top], /^┌─ Memory, MiB \(last 2 samples, \d+s\) {2}used \d+M {2}buff\/cache \d+M ─+┐$/);
    assert.deepEqual([...brailleColours(h, top, bottom)], ['default']);
  });
});
