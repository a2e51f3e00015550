/**
 * procps `free -b`, for checking memtop's free-style summary against it: its figures, and a
 * check that a reading of memtop's lies between two of free's taken around it (memory moves
 * while other processes run, so the two readings bracket the moment memtop read /proc/meminfo).
 */
import { execFileSync } from 'node:child_process';
import type { FreeJson } from '../../src/model/system-json.js';

/** free's figures, in the shape of memtop's JSON "free" object (the same nine; free prints every one). */
export type FreeFigures = { [K in keyof FreeJson]: number };

export const FREE_KEYS = ['used', 'free', 'shared', 'buffCache', 'available', 'swapUsed', 'swapFree'] as const;

/** `free -b` now, in the C locale (its "Mem:" and "Swap:" labels are translated elsewhere). */
export function freeBytes(): FreeFigures {
  const lines = execFileSync('free', ['-b'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).split('\n');
  const row = (label: string) => lines.find((l) => l.startsWith(label))!.trim().split(/\s+/).slice(1).map(Number);
  const mem = row('Mem:');
  const swap = row('Swap:');
  return {
    total: mem[0], used: mem[1], free: mem[2], shared: mem[3], buffCache: mem[4], available: mem[5],
    swapTotal: swap[0], swapUsed: swap[1], swapFree: swap[2],
  };
}

/** The figures of `ours` outside the range of `before` and `after` widened by `slackBytes`, each said in words. */
export function figuresOutside(ours: Pick<FreeJson, typeof FREE_KEYS[number]>, before: FreeFigures, after: FreeFigures, slackBytes: number): string[] {
  const misses: string[] = [];
  for (const key of FREE_KEYS) {
    if (ours[key] === null) {
      misses.push(`${key}: memtop unknown, free -b ${before[key]} .. ${after[key]}`);
      continue;
    }
    const low = Math.min(before[key], after[key]) - slackBytes;
    const high = Math.max(before[key], after[key]) + slackBytes;
    if (!(ours[key]! >= low && ours[key]! <= high)) misses.push(`${key}: memtop ${ours[key]}, free -b ${before[key]} .. ${after[key]}`);
  }
  return misses;
}

/**
 * Reads, brackets and checks up to `tries` times (a burst of allocation elsewhere can move memory
 * by more than the slack between the readings); returns the last reading, or throws with every
 * miss.
 */
export function withinFreeReadings<T>(read: () => T, figures: (reading: T) => Pick<FreeJson, typeof FREE_KEYS[number]>,
  options: { slackBytes: number; tries?: number }): { reading: T; before: FreeFigures } {
  const all: string[] = [];
  for (let attempt = 0; attempt < (options.tries ?? 3); attempt++) {
    const before = freeBytes();
    const reading = read();
    const after = freeBytes();
    const misses = figuresOutside(figures(reading), before, after, options.slackBytes);
    if (misses.length === 0) return { reading, before };
    all.push(misses.join('; '));
  }
  throw new Error(`every reading out of range:\n${all.join('\n')}`);
}
