import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTheme } from './theme.js';

test('the three schemes: default, light (no yellow or cyan), monochrome (no colour at all)', () => {
  const dark = makeTheme(true);
  assert.equal(dark.fg('yellow', 'x'), '{yellow-fg}x{/yellow-fg}');
  assert.equal(dark.bar('x'), '{black-fg}{cyan-bg}x{/cyan-bg}{/black-fg}');
  const light = makeTheme(true, 'light');
  assert.equal(light.fg('yellow', 'x'), '{magenta-fg}x{/magenta-fg}');
  assert.equal(light.bytes('1M', 1 << 20), '{blue-fg}1M{/blue-fg}');
  assert.equal(light.bar('x'), '{white-fg}{blue-bg}x{/blue-bg}{/white-fg}');
  assert.doesNotMatch(light.tagged('x'), /yellow|cyan/);
  for (const mono of [makeTheme(true, 'monochrome'), makeTheme(false, 'light')]) {
    assert.equal(mono.color, false);
    assert.equal(mono.fg('green', 'x'), 'x');
    assert.equal(mono.bytes('1G', 2 ** 30), '1G');
    assert.equal(mono.bar('x'), '{inverse}x{/inverse}');
  }
});
