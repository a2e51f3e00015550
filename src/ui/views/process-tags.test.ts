import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessTags } from './process-tags.js';
import type { ProcessSample } from '../../sampler/sample.js';

const row = (pid: number, startTimeTicks: number, rssBytes = 0) => ({ pid, startTimeTicks, rssBytes, comm: 'x' }) as unknown as ProcessSample;

test('tags by PID and start time: a reused PID is another process', () => {
  const tags = new ProcessTags();
  assert.equal(tags.toggle(row(10, 1)), true);
  assert.equal(tags.has(row(10, 1)), true);
  assert.equal(tags.has(row(10, 2)), false);
  assert.equal(tags.toggle(row(10, 1)), false);
  assert.equal(tags.size, 0);
});

test('lists in PID order with the latest figures, keeps one that left the table, clear counts', () => {
  const tags = new ProcessTags();
  tags.toggle(row(30, 1));
  tags.toggle(row(20, 1, 5));
  const listed = tags.list([row(20, 1, 99), row(20, 2, 7)]);
  assert.deepEqual(listed.map((p) => [p.pid, p.rssBytes]), [[20, 99], [30, 0]]);
  assert.equal(tags.clear(), 2);
  assert.equal(tags.size, 0);
});
