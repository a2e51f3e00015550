import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerLines } from './header.js';
import { makeTheme } from '../theme.js';
import { parseSystemStat } from '../../proc/system-stat.js';
import type { Store } from '../../model/store.js';
import { ProcessHistory } from '../../model/process-history.js';
import { noReads, type ProcessSample, type Sample } from '../../sampler/sample.js';
import { processRecord } from '../../../test/helpers/process-record.js';

const MIB = 1024 * 1024;

function sampleAt(second: number, processes: ProcessSample[]): Sample {
  return {
    timeMs: second * 1000, monotonicMs: second * 1000, detailSource: 'smaps_rollup', costMs: 10, processes,
    stats: { listed: 0, gone: 0, denied: 0, reads: noReads(), refused: [] }, own: { cpuPercent: 1, rssBytes: MIB },
    system: { meminfo: { MemTotal: 8 * 1024 * MIB, MemFree: 4 * 1024 * MIB, MemAvailable: 4 * 1024 * MIB, SwapTotal: 0, SwapFree: 0 }, vmstat: {}, stat: parseSystemStat(''), pressure: null, loadavg: null, uptime: null },
  };
}

test('the header counts the suspected leaks, and says nothing while there is none', () => {
  const history = new ProcessHistory({ intervalMs: 1000 });
  const store = { latest: null, processHistory: history } as unknown as { latest: Sample | null; processHistory: ProcessHistory };
  const own = { rssBytes: MIB, intervalMs: 1000, paused: false };
  for (let s = 0; s <= 40; s++) {
    const leaking = (pid: number) => processRecord({ pid, ussBytes: s * MIB, pssReadAtMs: s * 1000 });
    const sample = sampleAt(s, [leaking(10), leaking(11), processRecord({ pid: 12, ussBytes: MIB, pssReadAtMs: s * 1000 })]);
    history.push(sample);
    store.latest = sample;
    const line = headerLines(store as unknown as Store, 140, makeTheme(false), own)[3];
    if (s < 30) assert.doesNotMatch(line, /leak/, `at ${s} s`);
    else assert.match(line, / · (\{bold\})?2 suspected leaks \(!\)/, `at ${s} s: ${line}`);
  }
});
