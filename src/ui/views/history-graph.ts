/**
 * The History view's chart: one process's RSS, PSS, USS and swap over the full-resolution window
 * (or, in the long mode, each minute's mean over the 6-hour window), in one binary unit, newest
 * on the right. PSS and USS are read less often than RSS (incremental sampling): between two
 * readings the line holds the last one, and before the first it is left out. Our own words and
 * numbers only (graph-request.ts).
 */
import { durationText, humanBytes } from '../../model/human-units.js';
import type { Field, ProcessTrack } from '../../model/process-track.js';
import { byteAxis } from '../byte-axis.js';
import type { GraphColor, GraphRequest } from '../graph-request.js';

const LINES: { field: Field; name: string; color: GraphColor }[] = [
  { field: 'rss', name: 'RSS', color: 'green' },
  { field: 'pss', name: 'PSS', color: 'yellow' },
  { field: 'uss', name: 'USS', color: 'cyan' },
  { field: 'swap', name: 'swap', color: 'magenta' },
];

function agoLabel(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds === 0 ? 'now' : `-${durationText(seconds * 1000)}`;
}

/** Values with NaN (no reading) replaced by the last reading; null when there is none at all. */
function held(values: ArrayLike<number>): number[] | null {
  const out: number[] = [];
  let last = NaN;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      last = values[i];
      if (first < 0) first = i;
    }
    out.push(last);
  }
  if (first < 0) return null;
  // Before the first reading: the first reading (a flat start rather than a drop to 0).
  for (let i = 0; i < first; i++) out[i] = out[first];
  return out;
}

export function historyGraph(track: ProcessTrack, nowMs: number, long: boolean, top: number, rows: number): GraphRequest | null {
  const series: { name: string; color: GraphColor; values: number[] }[] = [];
  let times: ArrayLike<number> = [];
  for (const line of LINES) {
    const column = long ? track.minuteColumn(line.field) : track.column(line.field);
    times = column.times;
    const values = held('mean' in column ? column.mean : column.values);
    // Swap only where the process has any.
    if (values === null || (line.field === 'swap' && values.every((v) => v === 0))) continue;
    series.push({ name: line.name, color: line.color, values });
  }
  if (times.length < 2 || series.length === 0) return null;
  let maxBytes = 0;
  for (const s of series) for (const v of s.values) maxBytes = Math.max(maxBytes, v);
  const axis = byteAxis(maxBytes);
  const spanMs = nowMs - times[0];
  return {
    top, rows,
    title: `${long ? 'Per-minute mean' : 'Memory'}, ${axis.unit} (last ${durationText(spanMs)})`,
    xLabels: Array.from(times, (t) => agoLabel(nowMs - t)),
    series: series.map((s) => ({ title: `${s.name} ${humanBytes(s.values[s.values.length - 1])}`, color: s.color, values: s.values.map((v) => v / axis.bytesPerUnit) })),
    yMax: axis.max,
    ySteps: axis.steps,
  };
}
