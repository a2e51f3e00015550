import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionForKey, BINDINGS, helpLines, isUnboundKey } from './key-table.js';

test('the keys of the issue map to their actions', () => {
  const expected: Record<string, string> = {
    f1: 'help', '?': 'help', f2: 'views', f3: 'search', '/': 'search', f4: 'filter', '\\': 'filter',
    f6: 'sortBy', '<': 'sortPrev', '>': 'sortNext', 'S-i': 'invertSort', f9: 'signal', k: 'signal',
    f10: 'quit', q: 'quit', space: 'tag', 'S-z': 'pause', 'S-u': 'untagAll', u: 'user', f7: 'niceDown', f8: 'niceUp', 'S-h': 'history', 'S-k': 'kernel', enter: 'enter', backspace: 'back',
    up: 'up', down: 'down', pageup: 'pageUp', pagedown: 'pageDown', home: 'home', end: 'end', g: 'group',
  };
  for (const [key, action] of Object.entries(expected)) assert.equal(actionForKey(key), action, key);
});

test('Enter is bound once: "return" (its twin event) does nothing', () => {
  assert.equal(actionForKey('return'), undefined);
  assert.equal(actionForKey('linefeed'), undefined);
  assert.equal(actionForKey(undefined), undefined);
});

test('no key is bound twice', () => {
  const keys = BINDINGS.flatMap((b) => b.keys);
  assert.equal(new Set(keys).size, keys.length);
});

test('the help names every action that has a label', () => {
  const labels = helpLines().map((l) => l.label);
  assert.ok(labels.includes('F9 k') && labels.includes('Enter') && labels.includes('Backspace'));
});

test('a key no binding names is unbound; Enter\'s "return" twin and no key at all are not', () => {
  assert.equal(isUnboundKey('j'), true);
  assert.equal(isUnboundKey('f11'), true);
  assert.equal(isUnboundKey('return'), false);
  assert.equal(isUnboundKey('enter'), false);
  assert.equal(isUnboundKey(undefined), false);
});
