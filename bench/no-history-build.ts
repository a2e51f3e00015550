/**
 * The build without the per-process history, for benchmarks that compare against it: a copy of
 * dist/bin in $TMPDIR whose UI does not subscribe the history to the sample stream (the History
 * view and GROWTH then stay empty), so the two builds differ in that alone. Prints the copy's
 * memtop.js; fails if the subscription is not found (run-tui.ts changed).
 *
 * Usage: npm run build && node dist/bench/history-bench.js --baseline "$(node dist/bench/no-history-build.js)"
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/paths.js';

const SUBSCRIBE = /^( *)samples\.subscribe\(\(sample\) => history\.push\(sample\)\);$/m;

export function makeNoHistoryBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-nohistory-'));
  cpSync(join(repoRoot, 'dist', 'bin'), join(dir, 'bin'), { recursive: true });
  // blessed and the other runtime modules are found from the copy as from dist/bin.
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  const main = join(dir, 'bin', 'memtop.js');
  const text = readFileSync(main, 'utf8');
  if (!SUBSCRIBE.test(text)) throw new Error(`no-history-build: the history's subscription was not found in ${main}`);
  writeFileSync(main, text.replace(SUBSCRIBE, '$1// without history: the history is never fed'));
  return main;
}

if (process.argv[1]?.endsWith('no-history-build.js')) console.log(makeNoHistoryBuild());
