import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeCells, meminfoCells, pressureCells, rateCells } from './system-cells.js';
import { freeSummary } from './free-summary.js';

const KIB = 1024;

test('meminfo cells: HugePages_* are counts, sizes in human units and in kB exactly as the kernel prints them', () => {
  const rows = meminfoCells({ MemTotal: 24_641_020 * KIB, HugePages_Total: 12, Hugepagesize: 2048 * KIB });
  assert.deepEqual(rows[0].slice(0, 3), ['MemTotal', '23.5G', '24641020 kB']);
  assert.deepEqual(rows[1].slice(0, 3), ['HugePages_Total', '12', '12']);
  assert.deepEqual(rows[2].slice(0, 3), ['Hugepagesize', '2.00M', '2048 kB']);
});

test('pressure cells: averages to two decimals in percent, the stall total in seconds to the millisecond', () => {
  const line = { avg10: 1.5, avg60: 0.25, avg300: 0, totalMicroseconds: 1_234_567 };
  assert.deepEqual(pressureCells({ some: line, full: null }), [['some', '1.50%', '0.25%', '0.00%', '1.235s'], ['full', '-', '-', '-', '-']]);
  assert.equal(pressureCells(null), null);
});

test('free and rate cells: as free and vmstat show them; unknown rates are "-"', () => {
  const f = freeSummary({ MemTotal: 8 * KIB * KIB * KIB, MemFree: 4 * KIB * KIB * KIB, MemAvailable: 6 * KIB * KIB * KIB, SwapTotal: 0, SwapFree: 0 });
  assert.deepEqual(freeCells(f)[0].slice(0, 3), ['Mem:', '8.00G', '2.00G']);
  const rates = { r: 2, b: 0, si: 0, so: 0, bi: 1536, bo: null, in: 99.6, cs: 10, us: 12.34, sy: null, id: null, wa: null, st: null };
  assert.deepEqual(rateCells(rates), ['2', '0', '0B', '0B', '1.50K', '-', '100', '10', '12', '-', '-', '-', '-']);
});
