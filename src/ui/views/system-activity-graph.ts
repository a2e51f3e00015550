/**
 * The System view's other charts, over the same history as the memory chart: available memory
 * (its own axis: beside used and buff/cache it would flatten them on a large machine), memory
 * pressure (PSI avg10, some and full, percent) and swap activity (swapped in and out, bytes per second).
 * A point without the figure (no PSI, the first sample's rates) is drawn as 0 and the legend
 * says "-" for it now. Our own words and numbers only (graph-request.ts).
 */
import { durationText, humanBytes } from '../../model/human-units.js';
import type { SystemPoint } from '../../model/store.js';
import { byteAxis } from '../byte-axis.js';
import type { GraphColor, GraphRequest } from '../graph-request.js';

interface Line {
  name: string;
  color: GraphColor;
  value(point: SystemPoint): number | null | undefined;
}

function agoLabel(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds === 0 ? 'now' : `-${durationText(seconds * 1000)}`;
}

function chart(points: readonly SystemPoint[], lines: Line[], top: number, rows: number, title: string,
  axis: (max: number) => { unit: string; per: number; max: number; steps: number }, nowText: (v: number) => string): GraphRequest | null {
  if (points.length === 0) return null;
  let max = 0;
  for (const p of points) for (const line of lines) max = Math.max(max, line.value(p) ?? 0);
  const a = axis(max);
  const newest = points[points.length - 1];
  return {
    top, rows,
    title: `${title}, ${a.unit} (last ${durationText(newest.monotonicMs - points[0].monotonicMs)})`,
    xLabels: points.map((p) => agoLabel(newest.monotonicMs - p.monotonicMs)),
    series: lines.map((line) => {
      const now = line.value(newest);
      return { title: `${line.name} ${now === null || now === undefined ? '-' : nowText(now)}`, color: line.color, values: points.map((p) => (line.value(p) ?? 0) / a.per) };
    }),
    yMax: a.max,
    ySteps: a.steps,
  };
}

/** PSI some / full (avg10) in percent, on a whole-number axis of 4 steps. */
export function pressureGraph(points: readonly SystemPoint[], top: number, rows: number): GraphRequest | null {
  return chart(points, [
    { name: 'some', color: 'yellow', value: (p) => p.psiSomePercent },
    { name: 'full', color: 'red', value: (p) => p.psiFullPercent },
  ], top, rows, 'Memory pressure (PSI avg10)', (max) => {
    const step = Math.max(1, Math.ceil((max * 1.05) / 4));
    return { unit: '%', per: 1, max: step * 4, steps: 4 };
  }, (v) => `${v.toFixed(2)}%`);
}

/** Swapped in / out per second, in one binary unit per second. */
export function swapActivityGraph(points: readonly SystemPoint[], top: number, rows: number): GraphRequest | null {
  return chart(points, [
    { name: 'swap in', color: 'green', value: (p) => p.swapInBytesPerSec },
    { name: 'swap out', color: 'magenta', value: (p) => p.swapOutBytesPerSec },
  ], top, rows, 'Swap activity', (max) => {
    const axis = byteAxis(max);
    return { unit: `${axis.unit}/s`, per: axis.bytesPerUnit, max: axis.max, steps: axis.steps };
  }, (v) => `${humanBytes(v)}/s`);
}

/** MemAvailable over time. */
export function availableGraph(points: readonly SystemPoint[], top: number, rows: number): GraphRequest | null {
  return chart(points, [{ name: 'available', color: 'blue', value: (p) => p.availableBytes }], top, rows, 'Available memory', (max) => {
    const axis = byteAxis(max);
    return { unit: axis.unit, per: axis.bytesPerUnit, max: axis.max, steps: axis.steps };
  }, (v) => humanBytes(v));
}
