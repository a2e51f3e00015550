import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeTags, safeText } from './safe-text.js';

test('braces become blessed escapes, so no tag is ever parsed from a name', () => {
  assert.equal(escapeTags('{bold}x{/bold}'), '{open}bold{close}x{open}/bold{close}');
  assert.equal(escapeTags('{open}'), '{open}open{close}');
});

test('control characters become visible text before the braces are escaped', () => {
  assert.equal(safeText('\x1b]0;owned\x07{red-fg}'), '\\x1b]0;owned\\x07{open}red-fg{close}');
  assert.equal(safeText('plain name'), 'plain name');
});
