// Runs every compiled test file under dist/ with node's test runner.
// Node 20's `node --test` does not discover .ts and takes no globs, so the list is built here.
// Usage: node scripts/run-tests.mjs [SUBSTRING...]   only files whose path contains a substring.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(path));
    else if (entry.name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

const filters = process.argv.slice(2);
const all = findTests('dist').sort();
const files = filters.length ? all.filter((f) => filters.some((s) => f.includes(s))) : all;
if (files.length === 0) {
  console.error(`run-tests: no test files match ${filters.join(' ') || 'dist/**/*.test.js'}`);
  process.exit(1);
}
// End-to-end tests drive real terminals and real processes: run them after the unit tests, one
// file at a time (node runs files in parallel by the host's core count, which in a container can
// be far more than its share: live memory figures then move under each other's allocations). A
// test file that hangs is cancelled after TEST_FILE_TIMEOUT_MS (node applies --test-timeout to
// each file it runs) instead of holding CI.
const TEST_FILE_TIMEOUT_MS = 180_000;
const ordered = [...files.filter((f) => !f.includes('/e2e/')), ...files.filter((f) => f.includes('/e2e/'))];
// This run's tmux servers carry its own prefix (test/helpers/tmux.ts reads it), so that the
// clean-up below ends only them, not those of a run from another clone at the same time.
const tmuxPrefix = `memtop-test-${process.pid}-`;
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', `--test-timeout=${TEST_FILE_TIMEOUT_MS}`, ...ordered],
  { stdio: 'inherit', env: { ...process.env, MEMTOP_TEST_TMUX_PREFIX: tmuxPrefix } });
killLeftTmuxServers(tmuxPrefix);
process.exit(result.status ?? 1);

/**
 * A cancelled test file never runs its clean-up: its tmux server would live on with memtop
 * inside. This run's are ended here, whatever happened.
 */
function killLeftTmuxServers(prefix) {
  const dir = join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid()}`);
  let sockets = [];
  try {
    sockets = readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return; // no tmux server was started
  }
  for (const socket of sockets) spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore', timeout: 10_000 });
}
