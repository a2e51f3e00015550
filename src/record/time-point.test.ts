import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localText, parseTimePoint, resolveTimePoint, type Timeline } from './time-point.js';

/** Samples every second from 23:59:50 local time on 2026-12-07 to 00:00:20 the next day. */
const start = new Date(2026, 11, 7, 23, 59, 50, 300).getTime();
const times = Array.from({ length: 31 }, (_, i) => start + i * 1000);
const timeline: Timeline = {
  length: times.length,
  timeMs: (i) => times[i],
  indexAt: (ms) => times.findLastIndex((t) => t <= ms),
};
const slack = { beforeMs: 1000, afterMs: 2000 };
const at = (text: string) => resolveTimePoint(parseTimePoint(text)!, timeline, slack);

test('each form names the last sample at or before its moment', () => {
  assert.equal(at('end'), 30);
  assert.equal(at('+0'), 0);
  assert.equal(at('+5.5'), 5);
  assert.equal(at('23:59:55'), 4);
  assert.equal(at('23:59:50'), 0, 'the start, although the first sample is 0.3 s later');
  assert.equal(at('00:00:05'), 14, 'a clock time past midnight is on the next day');
  assert.equal(at(new Date(times[7] + 500).toISOString()), 7);
  assert.equal(at('2026-12-08 00:00:01'), 10, 'an ISO time with a space, local');
});

test('a moment outside the recording says where it is, in one line', () => {
  assert.match(at('+40') as string, /after the recording ends \(2026-12-08 00:00:20; --at end/);
  assert.match(at('2026-12-07T12:00:00') as string, /before the recording starts \(2026-12-07 23:59:50\)/);
  assert.match(at('00:00:30') as string, /after the recording ends/);
  assert.match(at('20:00') as string, /before the recording starts/, 'the nearer of the two days');
  assert.equal(resolveTimePoint({ kind: 'end' }, { length: 0, timeMs: () => 0, indexAt: () => -1 }, slack), 'the recording holds no sample');
});

test('what is not a time is null', () => {
  for (const bad of ['', 'now', '25:00:00', '12:60', '12:00:61', '+', '+-1', '-5', '2026-13-45T00:00', 'tomorrow', '1e3']) {
    assert.equal(parseTimePoint(bad), null, bad);
  }
  assert.equal(localText(new Date(2026, 0, 2, 3, 4, 5).getTime()), '2026-01-02 03:04:05');
});
