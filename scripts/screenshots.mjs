#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures of the real UI. Starts the built memtop in a
 * private tmux server (120×34, xterm-256color, no saved setup), drives it with keys, captures
 * each screen with its colours (capture-pane -e) and draws it as an SVG in docs/. Run it again
 * whenever a screen changes; nothing in docs/*.svg is drawn by hand.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureToSvg } from '../dist/src/screenshot/ansi-svg.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 120;
const ROWS = 34;
const socket = `memtop-shots-${process.pid}`;
const home = mkdtempSync(join(tmpdir(), 'memtop-shots-'));
const tmux = (...args) => execFileSync('tmux', ['-u', '-L', socket, ...args], {
  encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TMUX: '' },
});
const plain = () => tmux('capture-pane', '-p', '-t', 'shots');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(test, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = plain();
    if (test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`the screen never showed ${what}:\n${screen}`);
    await sleep(100);
  }
}

function shoot(name, title) {
  const capture = tmux('capture-pane', '-e', '-p', '-t', 'shots');
  const path = join(root, 'docs', `${name}.svg`);
  writeFileSync(path, captureToSvg(capture, { columns: COLUMNS, title }));
  console.log(`wrote docs/${name}.svg`);
}

/** Waits for one more update, so rates (CPU%) and the graphs have a second sample. */
async function settled(test, what) {
  await waitFor(test, what);
  await sleep(1500);
  return waitFor(test, what);
}

mkdirSync(join(root, 'docs'), { recursive: true });
// A process of known shape to drill into: a Node process holding 64 MiB it wrote (private, resident).
const demo = spawn(process.execPath, ['-e', "process.title = 'memtop-demo'; globalThis.held = Buffer.alloc(64 << 20, 1); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
writeFileSync(join(home, 'tmux.conf'), 'set -g status off\nset -g default-terminal tmux-256color\n');
try {
  tmux('-f', join(home, 'tmux.conf'), 'new-session', '-d', '-s', 'shots', '-x', String(COLUMNS), '-y', String(ROWS),
    '-e', 'TERM=xterm-256color', '-e', `XDG_CONFIG_HOME=${home}`, '-e', 'NCURSES_NO_UTF8_ACS=1',
    process.execPath, join(root, 'dist/bin/memtop.js'), '--no-config', '-d', '1');
  await settled((s) => /total of [1-9]\d* shown/.test(s), 'the Processes view');
  shoot('processes', 'memtop: the Processes view');

  tmux('send-keys', '-t', 'shots', '/');
  tmux('send-keys', '-t', 'shots', '-l', 'memtop-demo');
  tmux('send-keys', '-t', 'shots', 'Enter');
  await sleep(300);
  tmux('send-keys', '-t', 'shots', 'Enter');
  await settled((s) => /memtop-demo \(\d+\) › Mappings/.test(s) && /total/.test(s), 'the Mappings view');
  shoot('mappings', 'memtop: the Mappings of one process');
  tmux('send-keys', '-t', 'shots', 'BSpace');
  await waitFor((s) => /total of [1-9]\d* shown/.test(s), 'the Processes view again');
  // The History of the same process (still selected).
  tmux('send-keys', '-t', 'shots', 'H');
  // With a growth figure: the fit needs 30 s of data.
  await waitFor((s) => /memtop-demo \(\d+\) › History/.test(s) && /Growth +[^-\s]/.test(s), 'the History view with its growth', 60_000);
  shoot('history', 'memtop: the History of one process');
  tmux('send-keys', '-t', 'shots', 'BSpace');
  await waitFor((s) => /total of [1-9]\d* shown/.test(s), 'the Processes view again');

  // Every view the F2 picker offers beside these (System; Tree and others as they land).
  tmux('send-keys', '-t', 'shots', 'F2');
  const picker = await waitFor((s) => /Views — Enter replaces/.test(s), 'the view picker');
  const labels = picker.split('\n').map((l) => /│ (\w+) {2,}/.exec(l)?.[1]).filter(Boolean);
  tmux('send-keys', '-t', 'shots', 'Escape');
  for (const view of labels.filter((l) => !['Processes', 'Mappings', 'History', 'Trace'].includes(l))) {
    tmux('send-keys', '-t', 'shots', 'F2', 'Home', ...Array(labels.indexOf(view)).fill('Down'), 'Enter');
    await settled((s) => !/Views — Enter replaces/.test(s) && new RegExp(`^ ${view}\\b`, 'm').test(s), `the ${view} view`);
    shoot(view.toLowerCase(), `memtop: the ${view} view`);
  }
  tmux('send-keys', '-t', 'shots', 'q');
} finally {
  demo.kill();
  try { tmux('kill-server'); } catch { /* already gone */ }
  rmSync(home, { recursive: true, force: true });
}
