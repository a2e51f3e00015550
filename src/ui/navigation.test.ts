import { test } from 'node:test';
import assert from 'node:assert/strict';
import { navigationTarget } from './navigation.js';

test('movement keys give the row to select; other keys give null', () => {
  assert.equal(navigationTarget('up', 5, 10, 100), 4);
  assert.equal(navigationTarget('down', 5, 10, 100), 6);
  assert.equal(navigationTarget('pageUp', 5, 10, 100), -5, 'the view clamps');
  assert.equal(navigationTarget('pageDown', 5, 10, 100), 15);
  assert.equal(navigationTarget('home', 5, 10, 100), 0);
  assert.equal(navigationTarget('end', 5, 10, 100), 99);
  assert.equal(navigationTarget('quit', 5, 10, 100), null);
});
