/**
 * What the saved setup costs the UI: one atomic save (write a temporary file, rename it over
 * config.json) and the check that runs after every key when nothing changed (build the text,
 * compare). Run: `npm run -s build && node dist/bench/setup-save-bench.js`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSetup } from '../src/config/config-file.js';
import { SetupSaver } from '../src/config/setup-saver.js';
import type { Setup } from '../src/config/setup.js';
import { DEFAULT_PROCESS_COLUMN_IDS } from '../src/model/process-columns.js';

const setup = (i: number): Setup => ({
  sort: { column: 'pss', descending: i % 2 === 0 }, columns: [...DEFAULT_PROCESS_COLUMN_IDS], delaySeconds: 2, tree: false, colorScheme: 'default',
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timeMs = (fn: () => void) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const dir = mkdtempSync(join(tmpdir(), 'memtop-setup-bench-'));
try {
  const path = join(dir, 'memtop', 'config.json');
  const saves = Array.from({ length: 200 }, (_, i) => timeMs(() => saveSetup(path, setup(i))));
  const saver = new SetupSaver({}, setup(0), (s) => saveSetup(path, s));
  const checks = Array.from({ length: 2000 }, () => timeMs(() => saver.update(setup(0))));
  console.log(`atomic save: median ${median(saves).toFixed(3)} ms (200 saves, ${tmpdir()})`);
  console.log(`per key, nothing changed: median ${(median(checks) * 1000).toFixed(1)} µs (2000 checks)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
