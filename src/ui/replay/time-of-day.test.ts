import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockText, dateTimeText, parseMoment } from './time-of-day.js';

const at = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();

test('times show as local HH:MM:SS and YYYY-MM-DD HH:MM:SS', () => {
  assert.equal(clockText(at(2026, 12, 7, 9, 5, 3, 700)), '09:05:03');
  assert.equal(dateTimeText(at(2026, 12, 7, 9, 5, 3)), '2026-12-07 09:05:03');
});

const frame = (nearMs: number) => ({ nearMs, firstMs: at(2026, 12, 7, 11, 0, 0, 500), lastMs: at(2026, 12, 7, 13, 0, 0, 500) });

test('end is the last sample, +SECONDS counts from the first', () => {
  assert.equal(parseMoment('end', frame(0)), at(2026, 12, 7, 13, 0, 0, 500));
  assert.equal(parseMoment('+90', frame(0)), at(2026, 12, 7, 11, 1, 30, 500));
  assert.equal(parseMoment('+1.5', frame(0)), at(2026, 12, 7, 11, 0, 2, 0));
});

test('HH:MM:SS names the last millisecond of that second, on the day nearest the cursor', () => {
  const cursor = at(2026, 12, 7, 12, 0, 0);
  assert.equal(parseMoment('12:03:04', frame(cursor)), at(2026, 12, 7, 12, 3, 4, 999));
  assert.equal(parseMoment(' 9:15 ', frame(cursor)), at(2026, 12, 7, 9, 15, 0, 999));
  // Just after midnight, 23:59 is the evening before, not the next one.
  assert.equal(parseMoment('23:59:30', frame(at(2026, 12, 8, 0, 0, 10))), at(2026, 12, 7, 23, 59, 30, 999));
  assert.equal(parseMoment('00:00:05', frame(at(2026, 12, 7, 23, 59, 50))), at(2026, 12, 8, 0, 0, 5, 999));
});

test('an ISO date-time is exact to the second; anything else is not a time', () => {
  const cursor = at(2026, 12, 7, 12, 0, 0);
  assert.equal(parseMoment('2026-12-01 08:00:01', frame(cursor)), at(2026, 12, 1, 8, 0, 1, 999));
  assert.equal(parseMoment('2026-12-01T08:00:01.250', frame(cursor)), at(2026, 12, 1, 8, 0, 1, 250));
  for (const bad of ['', 'noon', '25:00', '12:60', '12:00:61', '12', '2026-13-45 10:00', '1:2:3', '+', '+-3', 'ends']) {
    assert.equal(parseMoment(bad, frame(cursor)), null, bad);
  }
});
