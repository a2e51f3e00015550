/**
 * When a process is a suspected leak: its size grew over the growth window
 * - by at least LEAK_MIN_BYTES_PER_MINUTE (the least-squares slope),
 * - along a straight line: r² ≥ LEAK_MIN_R2 (a sawtooth or a GC'd heap fits badly, and its
 *   slope is near 0 anyway),
 * - steadily: in each third of the window it grew by at least LEAK_STEADY_SHARE of what the
 *   slope predicts for a third (a process that grew once and stays flat grew in one third only),
 * with at least MIN_GROWTH_SPAN_MS of data (before that no figure is shown at all).
 */
import type { Fit } from './growth.js';

export const MIN_GROWTH_SPAN_MS = 30_000;
export const LEAK_MIN_BYTES_PER_MINUTE = 256 * 1024;
export const LEAK_MIN_R2 = 0.9;
export const LEAK_STEADY_SHARE = 0.25;

/** The thresholds in words, for help texts and the README. */
export const LEAK_RULE_TEXT = `growth ≥ ${LEAK_MIN_BYTES_PER_MINUTE / 1024}K/min over the window, fit r² ≥ ${LEAK_MIN_R2}, and growing in each third of the window (≥ ${LEAK_STEADY_SHARE * 100} % of the slope's share)`;

/** A fit is shown once it covers MIN_GROWTH_SPAN_MS. */
export function enoughData(fit: Fit | null): fit is Fit {
  return fit !== null && fit.spanMs >= MIN_GROWTH_SPAN_MS;
}

export function isSuspectedLeak(fit: Fit | null): boolean {
  if (!enoughData(fit)) return false;
  if (fit.bytesPerMinute < LEAK_MIN_BYTES_PER_MINUTE || fit.r2 < LEAK_MIN_R2) return false;
  const expected = (fit.bytesPerMinute * fit.spanMs) / 60_000 / 3;
  return fit.thirdsBytes.every((grew) => !Number.isNaN(grew) && grew >= LEAK_STEADY_SHARE * expected);
}
