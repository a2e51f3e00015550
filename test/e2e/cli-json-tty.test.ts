/**
 * JSON written to a terminal is indented, and still JSON: run on a real pseudo-terminal
 * (script(1)), snapshot, maps and system print text that JSON.parse takes, with a hostile comm
 * and command line still escaped (no raw control, C1 or bidi character reaches the terminal).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startMemhog } from '../helpers/live-helpers.js';
import { memtopBin } from '../helpers/paths.js';

const COMM = '\x1b[2J\u009b31m\u202ex';
const ARG = '=HYPERLINK("u")\ttab\u2066';
/** Raw controls, C1 and bidi marks; the newline is the only control a pty output may keep. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e\u2066]/;

function quoted(arg: string): string {
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Runs memtop with stdout on a pseudo-terminal; the pty's CR LF line ends read back as LF. */
function onTerminal(args: string[]): { status: number | null; stdout: string } {
  const command = [process.execPath, memtopBin, ...args].map(quoted).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, MEMTOP_PROC: '', COLUMNS: '200', LINES: '50' },
  });
  return { status: run.status, stdout: String(run.stdout).replace(/\r\n/g, '\n') };
}

test('--json on a terminal: indented, valid JSON, hostile text escaped (snapshot, maps, system)', async (t) => {
  const hog = await startMemhog(['name', COMM, ARG]);
  t.after(() => hog.stop());
  const pid = String(hog.pids[0]);
  for (const args of [['snapshot', '--json', '--pid', pid], ['snapshot', '--json', '--group', 'program', '--pid', pid, '--totals'],
    ['maps', pid, '--json'], ['system', '--json', '--interval', '0.1']]) {
    const run = onTerminal(args);
    assert.equal(run.status, 0, `${args.join(' ')}: ${run.stdout}`);
    assert.match(run.stdout, /^\{\n {2}"/, `${args.join(' ')} is indented on a terminal`);
    assert.doesNotMatch(run.stdout, RAW, args.join(' '));
    const json = JSON.parse(run.stdout);
    if (args[0] === 'snapshot' && args.length === 4) {
      assert.equal(json.processes[0].comm, COMM, 'the exact comm back from JSON.parse');
      assert.ok(json.processes[0].cmdline.endsWith(ARG));
    }
    if (args[0] === 'maps') assert.equal(json.comm, COMM);
  }
});
