import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ViewStack } from './view-stack.js';

test('push, pop and replace the top; the last view is never popped', () => {
  const stack = new ViewStack('processes');
  stack.push('mappings');
  assert.deepEqual(stack.all, ['processes', 'mappings']);
  assert.equal(stack.replaceTop('system'), 'mappings');
  assert.equal(stack.top, 'system');
  assert.equal(stack.pop(), 'system');
  assert.equal(stack.pop(), undefined);
  assert.deepEqual(stack.all, ['processes']);
});
