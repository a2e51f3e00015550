import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparkline } from './uss-sparkline.js';

test('a sparkline spans the window from its minimum to its maximum, skipping missing readings', () => {
  assert.equal(sparkline([0, NaN, 1, 2, 3, 4, 5, 6, 7], 16), '▁▂▃▄▅▆▇█');
  assert.equal(sparkline([5, 5, 5], 16), '▁▁▁');
  assert.equal(sparkline([1, 2, 3, 4], 2), '▁█', 'the last `width` readings');
  assert.equal(sparkline([NaN, 3], 16), '', 'one reading is no trend');
});
