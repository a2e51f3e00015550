/**
 * A y axis for byte figures, in whole numbers of one binary unit: blessed-contrib's line chart
 * prints its y labels as plain numbers (two decimals when a step is below 1), so memtop picks
 * the unit (named in the chart's title) and a round step that makes every label whole.
 */

export interface ByteAxis {
  /** "KiB", "MiB", "GiB" or "TiB". */
  unit: string;
  bytesPerUnit: number;
  /** Between labels, in units: 1, 2, 3, 4, 5, 6 or 8 times a power of ten. */
  step: number;
  /** The top of the axis, in units: step × steps, at least 5 % above the largest figure. */
  max: number;
  steps: number;
}

const UNITS: [string, number][] = [['KiB', 1024], ['MiB', 1024 ** 2], ['GiB', 1024 ** 3], ['TiB', 1024 ** 4]];
const ROUND = [1, 2, 3, 4, 5, 6, 8, 10];

export function byteAxis(maxBytes: number, steps = 4): ByteAxis {
  const top = Math.max(Number.isFinite(maxBytes) ? maxBytes * 1.05 : 0, 1024 * steps);
  // The largest unit in which every step is at least 1: the labels stay whole numbers.
  let [unit, bytesPerUnit] = UNITS[0];
  for (const [name, bytes] of UNITS) if (top / bytes >= steps) [unit, bytesPerUnit] = [name, bytes];
  const rawStep = top / bytesPerUnit / steps;
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const step = ROUND.find((r) => r * power >= rawStep * (1 - 1e-12))! * power;
  return { unit, bytesPerUnit, step, max: step * steps, steps };
}
