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

test('backTo: down to a view already in the stack, closing those above it; false when it is not there', () => {
  const stack = new ViewStack('processes');
  stack.push('mappings');
  stack.push('detail');
  const closed: string[] = [];
  assert.equal(stack.backTo('nowhere', (v) => closed.push(v)), false);
  assert.deepEqual(stack.all, ['processes', 'mappings', 'detail']);
  assert.equal(stack.backTo('processes', (v) => closed.push(v)), true);
  assert.deepEqual(stack.all, ['processes']);
  assert.deepEqual(closed, ['detail', 'mappings']);
  assert.equal(stack.backTo('processes', (v) => closed.push(v)), true, 'already the top');
  assert.deepEqual(stack.all, ['processes']);
});
