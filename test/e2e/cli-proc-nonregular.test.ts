// A --proc tree with a FIFO or a link to /dev/zero where proc files should be: memtop snapshot
// ends promptly, in bounded memory, and names what it refused (it used to wait on the FIFO forever
// and read /dev/zero without end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { procBasic } from '../helpers/paths.js';
import { withTreeCopy } from '../helpers/fixture-copy.js';
import { runMemtop } from '../helpers/run-memtop.js';

/** Far longer than a snapshot of the fixture tree takes, far shorter than "forever". */
const PROMPT_MS = 30_000;

function replaceWith(root: string, file: string, make: (path: string) => void): void {
  const path = join(root, file);
  rmSync(path);
  make(path);
}

test('snapshot on a tree with a FIFO as stat and /dev/zero as cmdline: exit 0, both named, the rest reported', () => {
  withTreeCopy(procBasic, (root) => {
    replaceWith(root, '3851/stat', (path) => execFileSync('mkfifo', [path]));
    replaceWith(root, '3852/cmdline', (path) => symlinkSync('/dev/zero', path));
    const run = runMemtop(['snapshot', '--json', '--proc', root], { timeout: PROMPT_MS });
    assert.equal(run.signal, null, 'ended on its own');
    assert.equal(run.status, 0, run.stderr);
    const pids = (JSON.parse(run.stdout) as { processes: { pid: number; cmdline: string }[] }).processes.map((p) => p.pid);
    assert.ok(!pids.includes(3851) && pids.includes(3852) && pids.includes(1));
    assert.match(run.stderr, new RegExp(`${root}/3851/stat: not a regular file \\(refused\\)`));
    assert.match(run.stderr, new RegExp(`${root}/3852/cmdline: not a regular file \\(refused\\)`));
  });
});

test('a FIFO as meminfo: one line, exit 1, no wait', () => {
  withTreeCopy(procBasic, (root) => {
    replaceWith(root, 'meminfo', (path) => execFileSync('mkfifo', [path]));
    const run = runMemtop(['snapshot', '--proc', root], { timeout: PROMPT_MS });
    assert.equal(run.signal, null, 'ended on its own');
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `memtop: ${root} does not look like a /proc file system (reading ${root}/meminfo: not a regular file (refused))\n`);
  });
});

test('a meminfo far larger than any /proc/meminfo: refused as too large, one line, exit 1', () => {
  withTreeCopy(procBasic, (root) => {
    replaceWith(root, 'meminfo', (path) => writeFileSync(path, 'MemTotal: 1 kB\n'.repeat(200_000)));
    const run = runMemtop(['snapshot', '--proc', root], { timeout: PROMPT_MS });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `memtop: ${root} does not look like a /proc file system (reading ${root}/meminfo: larger than memtop reads (refused))\n`);
  });
});
