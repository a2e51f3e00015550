import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePressure } from './pressure.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

test('the captured /proc/pressure/memory: some and full as the text says', () => {
  const text = fixtureText('proc-basic/pressure/memory');
  const pressure = parsePressure(text);
  for (const kind of ['some', 'full'] as const) {
    const m = new RegExp(`^${kind} avg10=([\\d.]+) avg60=([\\d.]+) avg300=([\\d.]+) total=(\\d+)$`, 'm').exec(text);
    assert.ok(m, kind);
    assert.deepEqual(pressure[kind], {
      avg10: Number(m[1]), avg60: Number(m[2]), avg300: Number(m[3]), totalMicroseconds: Number(m[4]),
    });
  }
});

test('a stalled system: fractions and large totals', () => {
  const pressure = parsePressure(
    'some avg10=12.34 avg60=5.67 avg300=1.02 total=987654321012\nfull avg10=3.50 avg60=0.75 avg300=0.10 total=12345678\n',
  );
  assert.deepEqual(pressure.some, { avg10: 12.34, avg60: 5.67, avg300: 1.02, totalMicroseconds: 987654321012 });
  assert.deepEqual(pressure.full, { avg10: 3.5, avg60: 0.75, avg300: 0.1, totalMicroseconds: 12345678 });
});

test('an older kernel without a full line (and /proc/pressure/cpu before 5.13)', () => {
  const pressure = parsePressure('some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n');
  assert.deepEqual(pressure.some, { avg10: 0, avg60: 0, avg300: 0, totalMicroseconds: 0 });
  assert.equal(pressure.full, null);
});

test('empty, truncated and junk lines give null, not zeros', () => {
  assert.deepEqual(parsePressure(''), { some: null, full: null });
  const cut = parsePressure('some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.');
  assert.notEqual(cut.some, null);
  assert.equal(cut.full, null);
  assert.equal(parsePressure('some avg10=x avg60=0.00 avg300=0.00 total=0').some, null);
  assert.equal(parsePressure('some avg10=0.00 avg60=0.00 avg300=0.00 total=').some, null);
  assert.equal(parsePressure('none avg10=1 avg60=1 avg300=1 total=1').some, null);
});

test('found by fast-check: a negative total or a total beyond 15 digits makes the line unknown', () => {
  const pressure = parsePressure('some avg10=0.00 avg60=0.00 avg300=0.00 total=-1\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=1000000000000000\n');
  assert.deepEqual(pressure, { some: null, full: null });
});
