import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { createScreen, type Screen } from './screen-setup.js';
import { GraphPane } from './graph-pane.js';
import type { GraphRequest } from './graph-request.js';

function fakeScreen(): Screen {
  const output = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { columns: 100, rows: 30, isTTY: true });
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  return createScreen({ input, output });
}

const hostile = '{red-fg}evil\x1b]0;owned\x07';

function request(change: Partial<GraphRequest> = {}): GraphRequest {
  return {
    top: 0, rows: 10, title: 'Memory, MiB', xLabels: ['-1s', 'now'], yMax: 4, ySteps: 4,
    series: [{ title: 'used 3M', color: 'green', values: [1, 3] }], ...change,
  };
}

test('draws, skips an unchanged request, hides; strings reach contrib inert even if one slipped through', () => {
  const s = fakeScreen();
  try {
    const pane = new GraphPane(s, true);
    const area = { top: 5, width: 100, height: 24 };
    assert.equal(pane.show(request({ title: hostile, xLabels: [hostile, 'now'] }), area), true);
    const chart = s.screen.children.find((c) => c.type === 'line') as unknown as { _label: { content: string }; content: string; atop: number; height: number };
    assert.ok(chart, 'one line chart on the screen');
    assert.deepEqual([chart.atop, chart.height], [5, 10]);
    assert.ok(chart._label.content.includes('{open}red-fg{close}evil\\x1b]0;owned\\x07'), chart._label.content);
    s.screen.render();
    assert.ok(!chart.content.includes('\x07') && !chart.content.includes('\x1b]'), 'no escape of ours in the canvas');
    assert.equal(pane.show(request({ title: hostile, xLabels: [hostile, 'now'] }), area), false, 'nothing new: nothing drawn');
    assert.equal(pane.show(null, area), true);
    assert.equal(pane.show(null, area), false, 'already hidden');
    assert.equal(pane.show(request({ rows: 30 }), area), false, 'taller than the area: not drawn');
    assert.equal(s.screen.children.filter((c) => c.type === 'line').length, 1, 'one widget, reused');
  } finally {
    s.screen.destroy();
  }
});

test('when blessed-contrib cannot load, the pane says why once and draws nothing', () => {
  const s = fakeScreen();
  try {
    const pane = new GraphPane(s, true, () => { throw new Error("Cannot find module 'blessed-contrib/lib/widget/charts/line'\nRequire stack: ..."); });
    assert.equal(pane.show(request(), { top: 5, width: 100, height: 24 }), false);
    assert.equal(pane.failure, "no chart: blessed-contrib did not load (Cannot find module 'blessed-contrib/lib/widget/charts/line')");
  } finally {
    s.screen.destroy();
  }
});
