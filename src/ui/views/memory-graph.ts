/**
 * The System view's chart: memory used, buff/cache and (on a machine with swap) swap used over
 * the store's history, in one binary unit named in the title, newest on the right, x labels in
 * time before the newest sample. Our own words and numbers only (graph-request.ts).
 */
import { durationText, humanBytes } from '../../model/human-units.js';
import type { SystemPoint } from '../../model/store.js';
import { byteAxis } from '../byte-axis.js';
import type { GraphColor, GraphRequest } from '../graph-request.js';

interface Line {
  name: string;
  color: GraphColor;
  bytes(point: SystemPoint): number;
}

const USED: Line = { name: 'used', color: 'green', bytes: (p) => p.memUsedBytes };
const BUFF_CACHE: Line = { name: 'buff/cache', color: 'yellow', bytes: (p) => p.buffCacheBytes };
const SWAP: Line = { name: 'swap used', color: 'magenta', bytes: (p) => p.swapUsedBytes };

/** "now", "-5s", "-2m30s": to the nearest second. */
function agoLabel(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds === 0 ? 'now' : `-${durationText(seconds * 1000)}`;
}

/** `points` oldest first (store.history.toArray()); `hasSwap`: SwapTotal > 0 now. */
export function memoryGraph(points: readonly SystemPoint[], hasSwap: boolean, top: number, rows: number): GraphRequest | null {
  if (points.length === 0) return null;
  const lines = hasSwap || points.some((p) => p.swapUsedBytes > 0) ? [USED, BUFF_CACHE, SWAP] : [USED, BUFF_CACHE];
  let maxBytes = 0;
  for (const p of points) for (const line of lines) maxBytes = Math.max(maxBytes, line.bytes(p));
  const axis = byteAxis(maxBytes);
  const newest = points[points.length - 1];
  const spanMs = newest.monotonicMs - points[0].monotonicMs;
  const count = points.length === 1 ? '1 sample' : `${points.length} samples, ${durationText(spanMs)}`;
  return {
    top, rows,
    title: `Memory, ${axis.unit} (last ${count})`,
    xLabels: points.map((p) => agoLabel(newest.monotonicMs - p.monotonicMs)),
    series: lines.map((line) => ({
      title: `${line.name} ${humanBytes(line.bytes(newest))}`,
      color: line.color,
      values: points.map((p) => line.bytes(p) / axis.bytesPerUnit),
    })),
    yMax: axis.max,
    ySteps: axis.steps,
  };
}
