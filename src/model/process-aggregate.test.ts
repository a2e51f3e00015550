import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAggregate, aggregateProcesses, emptyAggregate, isPartial, unknownCounts } from './process-aggregate.js';
import { processRecord } from '../../test/helpers/process-record.js';

const context = { memTotalBytes: 1000, nowEpochMs: 0, sampleMonotonicMs: 0 };

const refused = (pid: number, rssBytes: number) =>
  processRecord({ pid, rssBytes, pssBytes: null, ussBytes: null, swapPssBytes: null, denied: ['smaps_rollup'] });

test('a total of known values is their sum, and complete', () => {
  const total = aggregateProcesses('total', [
    processRecord({ pid: 1, rssBytes: 100, pssBytes: 60, ussBytes: 40, cpuPercent: 1.5 }),
    processRecord({ pid: 2, rssBytes: 200, pssBytes: 90, ussBytes: 70, cpuPercent: 2 }),
  ], context);
  assert.equal(total.count, 2);
  assert.equal(total.sums.rss, 300);
  assert.equal(total.sums.pss, 150);
  assert.equal(total.sums.uss, 110);
  assert.equal(total.sums.cpu, 3.5);
  assert.equal(isPartial(total, 'pss'), false);
  assert.deepEqual(unknownCounts(total), {});
});

test('unknown values are left out of a sum, which then says it is partial — never counted as 0', () => {
  const total = aggregateProcesses('total', [processRecord({ pid: 1, rssBytes: 100, pssBytes: 60 }), refused(2, 500)], context);
  assert.equal(total.sums.pss, 60);
  assert.equal(isPartial(total, 'pss'), true);
  assert.equal(total.sums.rss, 600, 'RSS was known for both');
  assert.equal(isPartial(total, 'rss'), false);
  // PSSAGE is unknown where PSS is: its largest value leaves that process out too.
  assert.deepEqual(unknownCounts(total), { pss: 1, uss: 1, swapPss: 1, pssAge: 1 });
});

test('a sum over nothing but unknown values is unknown (null), not 0 and not partial', () => {
  const group = aggregateProcesses('nobody', [refused(1, 10), refused(2, 20)], context);
  assert.equal(group.sums.pss, null);
  assert.equal(isPartial(group, 'pss'), false);
  assert.equal(group.unknown.pss, 2);
  assert.equal(group.sums.rss, 30);
});

test('an empty aggregate sums to 0', () => {
  const empty = emptyAggregate('total');
  assert.equal(empty.count, 0);
  assert.equal(empty.sums.pss, 0);
});

test('totals over groups carry the unknown counts and turn an all-unknown group into a partial total', () => {
  const known = aggregateProcesses('root', [processRecord({ pid: 1, pssBytes: 60 })], context);
  const unknown = aggregateProcesses('nobody', [refused(2, 10), refused(3, 10)], context);
  const total = emptyAggregate('total');
  addAggregate(total, known);
  addAggregate(total, unknown);
  assert.equal(total.count, 3);
  assert.equal(total.sums.pss, 60);
  assert.equal(total.unknown.pss, 2);
  assert.equal(isPartial(total, 'pss'), true);

  const allUnknown = emptyAggregate('total');
  addAggregate(allUnknown, unknown);
  assert.equal(allUnknown.sums.pss, null);
});

test('a max column (PSSAGE) keeps the largest known value, over processes and over groups', () => {
  const at = { memTotalBytes: 1000, nowEpochMs: 0, sampleMonotonicMs: 10_000 };
  const a = aggregateProcesses('a', [processRecord({ pid: 1, pssBytes: 1, pssReadAtMs: 9_000 }), processRecord({ pid: 2, pssBytes: 1, pssReadAtMs: 4_000 })], at);
  const b = aggregateProcesses('b', [processRecord({ pid: 3, pssBytes: 1, pssReadAtMs: 7_000 })], at);
  assert.equal(a.sums.pssAge, 6_000);
  const total = emptyAggregate('total');
  addAggregate(total, b);
  addAggregate(total, a);
  assert.equal(total.sums.pssAge, 6_000);
  assert.equal(total.sums.threads, 3, 'threads are summed');
});
