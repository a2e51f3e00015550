/**
 * A sparkline of the selected process's USS (RSS where it has no USS) over the last readings,
 * for the Processes view's status line: a trend visible without leaving the table. Eight block
 * heights from the window's minimum to its maximum; a flat series is a flat line.
 */
import type { ProcessHistory } from '../../model/process-history.js';
import type { ProcessIdentity } from '../../sampler/sample.js';
import { growthText } from '../../model/growth-text.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** The last `width` real values as blocks; '' with fewer than two. */
export function sparkline(values: ArrayLike<number>, width: number): string {
  const real: number[] = [];
  for (let i = values.length - 1; i >= 0 && real.length < width; i--) if (!Number.isNaN(values[i])) real.push(values[i]);
  if (real.length < 2) return '';
  real.reverse();
  const min = Math.min(...real);
  const span = Math.max(...real) - min;
  return real.map((v) => BLOCKS[span === 0 ? 0 : Math.min(7, Math.floor(((v - min) / span) * 8))]).join('');
}

/** "USS ▁▂▃▅▇ +60M/m" for the process, or '' when it has no history yet. */
export function selectedTrend(history: ProcessHistory | null, identity: ProcessIdentity, width = 16): string {
  const track = history?.track(identity);
  if (!history || !track) return '';
  const uss = sparkline(track.column('uss').values, width);
  const line = uss !== '' ? `USS ${uss}` : sparkline(track.column('rss').values, width) !== '' ? `RSS ${sparkline(track.column('rss').values, width)}` : '';
  if (line === '') return '';
  const growth = history.growthOf(identity);
  return growth === null ? line : `${line} ${growthText(growth.fit.bytesPerMinute)}${growth.suspected ? ' leak?' : ''}`;
}
