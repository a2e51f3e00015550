import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusedAction, refusedReaction } from './live-only.js';
import type { View } from '../view.js';

const view = (id: View['id']) => ({ id }) as View;

test('keys that act on a live process are refused in a replay; the others pass', () => {
  for (const action of ['signal', 'niceDown', 'niceUp', 'trace'] as const) assert.match(refusedAction(action) ?? '', /live-only, not in a replay/);
  for (const action of ['enter', 'sortNext', 'tag', 'history', 'views', undefined] as const) assert.equal(refusedAction(action), null);
});

test('a reaction that signals, renices, traces or opens a live-only view is refused', () => {
  assert.match(refusedReaction({ signal: { pid: 1, startTimeTicks: 2, signal: 'SIGTERM' } as never }) ?? '', /^signals/);
  assert.match(refusedReaction({ renice: [] }) ?? '', /^nice/);
  assert.match(refusedReaction({ trace: { pid: 1, comm: 'x' } }) ?? '', /^Trace/);
  assert.match(refusedReaction({ push: view('mappings') }) ?? '', /^Mappings: live-only/);
  assert.match(refusedReaction({ replace: view('libraries'), closeOverlay: true }) ?? '', /^Libraries/);
  assert.equal(refusedReaction({ push: view('history') }), null);
  assert.equal(refusedReaction({ replace: view('tree'), redraw: true }), null);
});
