/**
 * The JSON of `memtop system` (and the "free" part of `memtop snapshot --json`):
 * { meminfo: { MemTotal: bytes, ... }, free: {...}, vmstat: {...}, pressure: { some, full } }.
 * meminfo values are bytes, except the HugePages_* counts, which are counts as in /proc/meminfo.
 * vmstat: r and b are task counts; si, so, bi, bo are bytes per second, in and cs events per
 * second (whole numbers); us, sy, id, wa, st percent of CPU time (one decimal).
 */
import type { Meminfo } from '../proc/meminfo.js';
import type { Pressure, PressureLine } from '../proc/pressure.js';
import type { FreeSummary } from './free-summary.js';
import type { VmstatRates } from './system-rates.js';

export interface FreeJson {
  total: number;
  /** Null when meminfo's figures are corrupt (MemFree above MemTotal). */
  used: number | null;
  free: number;
  shared: number;
  buffCache: number;
  available: number;
  swapTotal: number;
  /** Null when meminfo's figures are corrupt (SwapFree above SwapTotal). */
  swapUsed: number | null;
  swapFree: number;
}

export interface PressureLineJson {
  avg10: number;
  avg60: number;
  avg300: number;
  /** Total stall time, microseconds. */
  total: number;
}

export interface PressureJson {
  some: PressureLineJson | null;
  full: PressureLineJson | null;
}

export interface SystemJson {
  meminfo: Meminfo;
  free: FreeJson;
  vmstat: VmstatRates;
  /** null where the kernel has no PSI (before 4.20, or CONFIG_PSI off). */
  pressure: PressureJson | null;
}

export function freeJson(f: FreeSummary): FreeJson {
  return {
    total: f.total, used: f.used, free: f.free, shared: f.shared, buffCache: f.buffCache,
    available: f.available, swapTotal: f.swapTotal, swapUsed: f.swapUsed, swapFree: f.swapFree,
  };
}

function pressureLineJson(line: PressureLine | null): PressureLineJson | null {
  return line === null ? null : { avg10: line.avg10, avg60: line.avg60, avg300: line.avg300, total: line.totalMicroseconds };
}

export function pressureJson(p: Pressure | null): PressureJson | null {
  return p === null ? null : { some: pressureLineJson(p.some), full: pressureLineJson(p.full) };
}

/** Rates rounded for output: r/b as counted, per-second figures to whole units, CPU shares to 0.1 %. */
export function roundedRates(r: VmstatRates): VmstatRates {
  const whole = (n: number | null) => (n === null ? null : Math.round(n));
  const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    r: r.r, b: r.b, si: whole(r.si), so: whole(r.so), bi: whole(r.bi), bo: whole(r.bo), in: whole(r.in), cs: whole(r.cs),
    us: tenth(r.us), sy: tenth(r.sy), id: tenth(r.id), wa: tenth(r.wa), st: tenth(r.st),
  };
}

export function systemJson(meminfo: Meminfo, free: FreeSummary, rates: VmstatRates, pressure: Pressure | null): SystemJson {
  return { meminfo, free: freeJson(free), vmstat: roundedRates(rates), pressure: pressureJson(pressure) };
}

