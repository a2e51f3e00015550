import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quietRepeats } from './quiet-repeats.js';

test('a message repeated within the window is held and counted; others pass', () => {
  const lines: string[] = [];
  let nowMs = 0;
  const warn = quietRepeats((line) => lines.push(line), () => nowMs, 60_000);
  warn('sampler: boom');
  for (let i = 0; i < 5; i++) { nowMs += 1_000; warn('sampler: boom'); }
  warn('render: other');
  assert.deepEqual(lines, ['sampler: boom', 'render: other']);
  nowMs = 61_000;
  warn('sampler: boom');
  assert.deepEqual(lines.slice(2), ['sampler: boom (and 5 more like it)']);
});
