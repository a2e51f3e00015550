/**
 * The cost of the per-mapping change on a huge process (memhog maps: 60,000 one-page mappings):
 * what the Mappings view does per reading, before (sort the reading) and with the Δ (match it
 * against the mark, then sort), on two real readings of the same process; and `memtop maps`
 * beside `memtop maps --diff 0.1` (two readings). Interleaved runs, medians.
 *
 *   npm run build && node dist/bench/mapping-diff-bench.js [--mappings 60000] [--runs 9]
 */
import { readFileSync } from 'node:fs';
import { median, memtopCommand, timeCommand } from './bench-tools.js';
import { startMemhog } from '../test/helpers/live-helpers.js';
import { smapsTableOf } from '../src/proc/smaps-stream.js';
import { sortedMappingIndexes } from '../src/model/mapping-order.js';
import { diffTables, sortedDeltaIndexes } from '../src/model/mapping-diff.js';
import { MAPPING_COLUMNS } from '../src/model/mapping-columns.js';
import { MAPPING_DELTA_COLUMNS } from '../src/model/mapping-delta-columns.js';
import { findColumn } from '../src/model/column.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const mappings = option('mappings', 60_000);
const runs = option('runs', 9);
const CONTEXT = { memTotalBytes: 0, nowEpochMs: 0 };

const helper = await startMemhog(['maps', String(mappings)]);
const pid = helper.pids[0];
try {
  const mark = smapsTableOf(readFileSync(`/proc/${pid}/smaps`, 'latin1'));
  const now = smapsTableOf(readFileSync(`/proc/${pid}/smaps`, 'latin1'));
  const pss = { column: findColumn(MAPPING_COLUMNS, 'pss')!, descending: true };
  const drss = { column: findColumn(MAPPING_DELTA_COLUMNS, 'drss')!, descending: true };
  const dpss = { column: findColumn(MAPPING_DELTA_COLUMNS, 'pss')!, descending: true };
  const sortOnly: number[] = [];
  const diffSortPss: number[] = [];
  const diffSortDrss: number[] = [];
  const time = (into: number[], body: () => unknown) => {
    const start = performance.now();
    body();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    time(sortOnly, () => sortedMappingIndexes(now, pss, CONTEXT));
    time(diffSortPss, () => { const diff = diffTables(mark, now); return sortedDeltaIndexes(diff, dpss, CONTEXT); });
    time(diffSortDrss, () => { const diff = diffTables(mark, now); return sortedDeltaIndexes(diff, drss, CONTEXT); });
  }
  const maps: number[] = [];
  const mapsDiff: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    maps.push(timeCommand(memtopCommand('maps', String(pid))).wallMs);
    mapsDiff.push(timeCommand(memtopCommand('maps', String(pid), '--diff', '0.1')).wallMs);
  }
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
  console.log(`${mark.count} mappings, ${runs} runs, medians`);
  console.log(`view, per reading: sort by PSS (before) ${ms(sortOnly)}; match to the mark + sort by PSS ${ms(diffSortPss)}; + sort by ΔRSS ${ms(diffSortDrss)}`);
  console.log(`memtop maps ${ms(maps)}; memtop maps --diff 0.1 ${ms(mapsDiff)} (two readings, 0.1 s apart)`);
} finally {
  helper.stop();
}
