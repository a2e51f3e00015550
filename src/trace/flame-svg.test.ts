import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, flameSvg } from './flame-svg.js';
import { foldedFrame, foldedLines, foldedText } from './folded-stacks.js';
import type { StackTally } from './trace-tally.js';

const stacks: StackTally[] = [
  { frames: ['_start', 'main', 'map_five'], calls: 7, mappedBytes: 5 << 20, unmappedBytes: 2 << 20 },
  { frames: ['_start', 'main', 'grow_heap'], calls: 5, mappedBytes: 327680, unmappedBytes: 0 },
  { frames: ['_start', 'main', 'free_all'], calls: 3, mappedBytes: 0, unmappedBytes: 4096 },
  { frames: ['_start', '<script>alert(1)</script>;x', 'a&b"\x1b'], calls: 1, mappedBytes: 8192, unmappedBytes: 0 },
];

test('folded: one line per stack with positive net bytes, frames safe for the format', () => {
  const text = foldedText(stacks);
  assert.equal(text, '_start;<script>alert(1)</script>:x;a&b"? 8192\n_start;main;grow_heap 327680\n_start;main;map_five 3145728\n');
  const sum = text.trim().split('\n').reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  assert.equal(sum, (3 << 20) + 327680 + 8192);
  assert.equal(foldedFrame('a;b\nc'), 'a:b?c');
});

test('the SVG: a frame per node with its bytes, every name escaped, no raw markup from a name', () => {
  const svg = flameSvg(foldedLines(stacks), 'trace of <x>');
  assert.match(svg, /<g class="f" data-frame="map_five" data-bytes="3145728"><title>map_five \(3\.00 MiB, 3145728 bytes\)<\/title>/);
  assert.match(svg, /data-frame="grow_heap" data-bytes="327680"/);
  assert.match(svg, /data-frame="all" data-bytes="3481600"/);
  assert.ok(!svg.includes('<script>alert'), 'a frame name became markup');
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;:x'));
  assert.ok(svg.includes('trace of &lt;x&gt;'));
  assert.equal(svg.match(/<script>/g)!.length, 1);
  assert.ok(!/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(svg));
});

test('an empty trace still makes a valid SVG that says so', () => {
  assert.match(flameSvg([], 't'), /no stack mapped more than it unmapped/);
  assert.equal(escapeXml(`'&`), '&#39;&amp;');
});
