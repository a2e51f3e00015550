import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followSelection } from './selection.js';

interface P { pid: number; start: number }
const key = (p: P) => `${p.pid}/${p.start}`;
const same = (a: string, b: string) => a === b;

test('follows the selected process to its new row after a re-sort', () => {
  const rows = [{ pid: 3, start: 1 }, { pid: 1, start: 1 }, { pid: 2, start: 1 }];
  assert.deepEqual(followSelection(rows, key, same, { key: '2/1', index: 0 }), { key: '2/1', index: 2 });
});

test('a reused PID is not the same process: the selection stays on its row', () => {
  const rows = [{ pid: 1, start: 1 }, { pid: 2, start: 9 }];
  assert.deepEqual(followSelection(rows, key, same, { key: '2/1', index: 1 }), { key: '2/9', index: 1 });
});

test('a vanished process leaves the selection on the same row, clamped', () => {
  const rows = [{ pid: 1, start: 1 }];
  assert.deepEqual(followSelection(rows, key, same, { key: '7/1', index: 4 }), { key: '1/1', index: 0 });
  assert.deepEqual(followSelection([], key, same, { key: '7/1', index: 4 }), { key: '7/1', index: 0 });
  assert.deepEqual(followSelection(rows, key, same, { key: null, index: 0 }), { key: '1/1', index: 0 });
});

test('not following: the selection holds its row, whichever process comes to it', () => {
  const rows = [{ pid: 3, start: 1 }, { pid: 1, start: 1 }, { pid: 2, start: 1 }];
  assert.deepEqual(followSelection(rows, key, same, { key: '1/1', index: 0, follow: false }), { key: '3/1', index: 0, follow: false });
  assert.deepEqual(followSelection(rows, key, same, { key: '1/1', index: 0, follow: true }), { key: '1/1', index: 1, follow: true });
});
