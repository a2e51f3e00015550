import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SystemPoint } from '../../model/store.js';
import { memoryGraph } from './memory-graph.js';

const MiB = 1024 ** 2;

function point(second: number, usedMiB: number, cacheMiB: number, swapMiB = 0): SystemPoint {
  return {
    timeMs: 1_700_000_000_000 + second * 1000, monotonicMs: second * 1000, costMs: 5, memTotalBytes: 4096 * MiB,
    memUsedBytes: usedMiB * MiB, buffCacheBytes: cacheMiB * MiB, swapUsedBytes: swapMiB * MiB,
  };
}

test('used and buff/cache over the history, in one unit, newest right, labelled by time before the newest', () => {
  const graph = memoryGraph([point(0, 800, 500), point(1, 850, 500), point(3, 900, 510)], false, 0, 12)!;
  assert.equal(graph.title, 'Memory, MiB (last 3 samples, 3s)');
  assert.deepEqual(graph.xLabels, ['-3s', '-2s', 'now']);
  assert.deepEqual(graph.series.map((s) => [s.title, s.color]), [['used 900M', 'green'], ['buff/cache 510M', 'yellow']]);
  assert.deepEqual(graph.series[0].values, [800, 850, 900]);
  assert.deepEqual(graph.series[1].values, [500, 500, 510]);
  assert.deepEqual([graph.yMax, graph.ySteps], [1200, 4], 'the top above 900 MiB + 5 %, in whole round steps of 300');
  assert.deepEqual([graph.top, graph.rows], [0, 12]);
});

test('swap used joins when the machine has swap, or when any point used some', () => {
  assert.equal(memoryGraph([point(0, 800, 500)], true, 0, 12)!.series.length, 3);
  const swapped = memoryGraph([point(0, 800, 500, 64), point(1, 800, 500)], false, 0, 12)!;
  assert.deepEqual(swapped.series.map((s) => s.title), ['used 800M', 'buff/cache 500M', 'swap used 0B']);
  assert.equal(swapped.series[2].color, 'magenta');
});

test('one sample, and none', () => {
  assert.equal(memoryGraph([point(0, 800, 500)], false, 2, 10)!.title, 'Memory, MiB (last 1 sample)');
  assert.equal(memoryGraph([], false, 0, 10), null);
});
